package io.eurekaagent.client;

import io.eurekaagent.jdk.JdkPackages;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLStreamHandler;
import javax.net.ssl.HttpsURLConnection;

/**
 * What the JDK's {@code HttpURLConnection} does not let the agent do through its API, done from inside (the agent
 * opens the JDK's HTTP packages to itself: it holds the Instrumentation to do so):
 * <ul>
 * <li>keep the app's cookie jar out of the agent's calls: the connection takes {@code CookieHandler.getDefault()} in
 *     its constructor and has no setter; with an app's {@code CookieManager} installed, the agent would send the
 *     app's cookies to Eureka and store Eureka's session cookie in the app's jar;</li>
 * <li>make URLs with the JDK's own http and https handlers: an app's {@code URLStreamHandlerFactory} that throws for
 *     http (or hands out its own handler) must not decide the agent's calls (issue 21);</li>
 * <li>close the socket of an answer left unread (a health check reads only the status; a call past its deadline):
 *     {@code disconnect()} hands such a socket to the JDK's keep-alive cleaner thread, which drains the rest, so a
 *     server that stalls or drips its body kept one socket open per call for seconds to minutes (issue 21).</li>
 * </ul>
 * Without {@link #prepare} (the command line: no app, no Instrumentation), or on a JDK without these fields,
 * connections are left as they are.
 */
public final class JdkConnections {
    private static volatile Field cookieHandler;
    private static volatile Field client;
    private static volatile Method closeServer;
    private static volatile Method doNotRetry;
    private static volatile Field httpsDelegate;
    private static volatile URLStreamHandler httpHandler;
    private static volatile URLStreamHandler httpsHandler;

    private JdkConnections() {
    }

    /** Once per JVM, before the first call; a JDK without these fields keeps its default (one line says so). */
    public static void prepare(Instrumentation instrumentation) throws ReflectiveOperationException {
        JdkPackages.open(instrumentation);
        reach();
    }

    /** Looks up what {@link #prepare} reaches, in packages already open to the agent. */
    static void reach() throws ReflectiveOperationException {
        Class<?> connection = Class.forName("sun.net.www.protocol.http.HttpURLConnection");
        Field handler = connection.getDeclaredField("cookieHandler");
        handler.setAccessible(true);
        Field http = connection.getDeclaredField("http");
        http.setAccessible(true);
        Class<?> httpClient = Class.forName("sun.net.www.http.HttpClient");
        Method close = httpClient.getMethod("closeServer");
        Method once = httpClient.getMethod("setDoNotRetry", boolean.class);
        URLStreamHandler plain = (URLStreamHandler) Class.forName("sun.net.www.protocol.http.Handler")
                .getDeclaredConstructor().newInstance();
        cookieHandler = handler;
        client = http;
        closeServer = close;
        doNotRetry = once;
        httpHandler = plain;
    }

    /** {@code uri} as a URL handled by the JDK's own handler, whatever factory the app installed. */
    static URL url(URI uri) throws MalformedURLException {
        URLStreamHandler handler = "https".equalsIgnoreCase(uri.getScheme()) ? httpsHandler() : httpHandler;
        return handler == null ? uri.toURL() : new URL(null, uri.toString(), handler);
    }

    static void clearCookieHandler(HttpURLConnection connection) throws ReflectiveOperationException {
        Field handler = cookieHandler;
        Object jdk = handler == null ? null : jdkConnection(connection, handler.getDeclaringClass());
        if (jdk != null) {
            handler.set(jdk, null);
        }
    }

    /** Closes the connection's socket at once, whatever is left unread, then disconnects it. */
    static void closeAtOnce(HttpURLConnection connection) {
        Field http = client;
        try {
            Object jdk = http == null ? null : jdkConnection(connection, http.getDeclaringClass());
            Object socketClient = jdk == null ? null : http.get(jdk);
            if (socketClient != null) {
                // First: the JDK sends a GET, PUT or DELETE again when its socket fails, and a call past its
                // deadline must not reach the server a second time (a DELETE counted twice, issue 21).
                doNotRetry.invoke(socketClient, true);
                closeServer.invoke(socketClient);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // disconnect() below does what it can
        }
        connection.disconnect();
    }

    /** The JDK's own connection object behind {@code connection} (an https one wraps it), or null if not one. */
    private static Object jdkConnection(HttpURLConnection connection, Class<?> jdkClass)
            throws ReflectiveOperationException {
        Object target = connection;
        if (connection instanceof HttpsURLConnection) {
            Field delegate = httpsDelegate();
            target = delegate.getDeclaringClass().isInstance(connection) ? delegate.get(connection) : connection;
        }
        return jdkClass.isInstance(target) ? target : null;
    }

    /** Made at the first https call, as {@link #httpsDelegate}; null before {@link #prepare} or where it fails. */
    private static URLStreamHandler httpsHandler() {
        URLStreamHandler handler = httpsHandler;
        if (handler == null && httpHandler != null) {
            try {
                handler = (URLStreamHandler) Class.forName("sun.net.www.protocol.https.Handler")
                        .getDeclaredConstructor().newInstance();
                httpsHandler = handler;
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                return null;
            }
        }
        return handler;
    }

    /** Looked up at the first https call: the TLS classes it loads stay out of a plain-http agent's start. */
    private static Field httpsDelegate() throws ReflectiveOperationException {
        Field delegate = httpsDelegate;
        if (delegate == null) {
            delegate = Class.forName("sun.net.www.protocol.https.HttpsURLConnectionImpl").getDeclaredField("delegate");
            delegate.setAccessible(true);
            httpsDelegate = delegate;
        }
        return delegate;
    }
}
