package io.eurekaagent.client;

import io.eurekaagent.jdk.JdkPackages;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Field;
import java.net.HttpURLConnection;
import javax.net.ssl.HttpsURLConnection;

/**
 * Keeps the app's cookie jar out of the agent's calls. The JDK's {@code HttpURLConnection} takes
 * {@code CookieHandler.getDefault()} in its constructor and has no setter: with an app's {@code CookieManager}
 * installed, the agent would send the app's cookies to Eureka and store Eureka's session cookie in the app's jar.
 * The agent opens the two JDK packages to itself (it holds the Instrumentation to do so) and clears the field of each
 * connection it makes. Without it (the command line: no app, no jar) connections are left as they are.
 */
public final class AppCookies {
    private static volatile Field handler;
    private static volatile Field httpsDelegate;

    private AppCookies() {
    }

    /** Once per JVM, before the first call; a JDK without these fields keeps its default (one line says so). */
    public static void keepOut(Instrumentation instrumentation) throws ReflectiveOperationException {
        JdkPackages.open(instrumentation);
        Field cookieHandler =
                Class.forName("sun.net.www.protocol.http.HttpURLConnection").getDeclaredField("cookieHandler");
        cookieHandler.setAccessible(true);
        handler = cookieHandler;
    }

    static void clear(HttpURLConnection connection) throws ReflectiveOperationException {
        Field cookieHandler = handler;
        if (cookieHandler == null) {
            return;
        }
        Object target = connection;
        if (connection instanceof HttpsURLConnection) {
            Field delegate = httpsDelegate();
            target = delegate.getDeclaringClass().isInstance(connection) ? delegate.get(connection) : connection;
        }
        if (cookieHandler.getDeclaringClass().isInstance(target)) {
            cookieHandler.set(target, null);
        }
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
