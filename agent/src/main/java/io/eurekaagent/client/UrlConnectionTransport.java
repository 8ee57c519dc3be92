package io.eurekaagent.client;

import io.eurekaagent.config.EurekaProxy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Authenticator;
import java.net.HttpURLConnection;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocketFactory;

/**
 * {@code eureka.agent.http-client=url-connection}, the default: the JDK's {@code HttpURLConnection}, which costs a
 * tenth of {@code java.net.http.HttpClient}'s start-up and leaves no thread that holds the JVM's exit. Each exchange
 * runs on one of the agent's HTTP threads while the caller waits at most the timeout; past it the connection is
 * closed under the thread, so a stalled or trickling server frees it too. A host name that hangs in DNS holds a
 * thread, never the caller; calls that overlap run on threads of their own.
 */
public final class UrlConnectionTransport implements Transport {
    /** The app's default Authenticator must never see a Eureka server's 401, nor answer it. */
    private static final Authenticator NONE = new Authenticator() {
        @Override
        protected PasswordAuthentication getPasswordAuthentication() {
            return null;
        }
    };
    /** Only the JDK's own host name check counts, not a lenient default verifier the app may have installed. */
    private static final HostnameVerifier STRICT = new HostnameVerifier() {
        @Override
        public boolean verify(String host, SSLSession session) {
            return false;
        }
    };

    private final ExecutorService worker;
    private final Duration connectTimeout;
    private final SSLContext tlsContext;
    private final EurekaProxy proxy;
    private SSLSocketFactory tls;

    /**
     * @param tlsContext the key and trust material of {@code eureka.client.tls.*}, or null for the JDK's defaults
     * @param proxy the proxy of the calls to Eureka, or null for none
     */
    public UrlConnectionTransport(
            Duration connectTimeout, ExecutorService worker, SSLContext tlsContext, EurekaProxy proxy) {
        this.worker = worker;
        this.connectTimeout = connectTimeout;
        this.tlsContext = tlsContext;
        this.proxy = proxy;
    }

    @Override
    public String proxyFor(URI uri) {
        return proxy == null ? null : proxy.nameFor(uri);
    }

    @Override
    public Answer send(String method, URI uri, Map<String, String> headers, byte[] body, Duration timeout, int limit)
            throws IOException, TimeoutException {
        AtomicReference<HttpURLConnection> open = new AtomicReference<>();
        Future<Answer> exchange;
        try {
            exchange = worker.submit(new Callable<Answer>() {
                @Override
                public Answer call() throws IOException {
                    return exchange(open, method, uri, headers, body, timeout, limit);
                }
            });
        } catch (RejectedExecutionException e) {
            throw new IOException("every HTTP thread of the agent is held by a call that does not end (a host name"
                    + " that hangs in DNS?)");
        }
        try {
            return exchange.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } catch (TimeoutException e) {
            throw new TimeoutException("no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SocketTimeoutException) {
                String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
                throw new TimeoutException(message.contains("connect") ? "connect timed out"
                        : "no answer within " + timeout.toMillis() + " ms");
            }
            throw cause instanceof IOException ? (IOException) cause : new IOException(cause);
        } finally {
            if (!exchange.isDone()) {
                // Past the deadline: the queued exchange never starts, a running one loses its socket.
                exchange.cancel(false);
                HttpURLConnection connection = open.get();
                if (connection != null) {
                    JdkConnections.closeAtOnce(connection);
                }
            }
        }
    }

    private Answer exchange(
            AtomicReference<HttpURLConnection> open,
            String method,
            URI uri,
            Map<String, String> headers,
            byte[] body,
            Duration timeout,
            int limit)
            throws IOException {
        Proxy through = proxy == null ? Proxy.NO_PROXY : proxy.proxyFor(uri);
        HttpURLConnection connection = (HttpURLConnection) JdkConnections.url(uri).openConnection(through);
        open.set(connection);
        boolean readToTheEnd = false;
        try {
            JdkConnections.clearCookieHandler(connection);
        } catch (ReflectiveOperationException e) {
            throw new IOException("cannot keep the app's cookie handler out of the call: " + e);
        }
        try {
            int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            connection.setConnectTimeout((int) Math.min(millis, connectTimeout.toMillis()));
            connection.setReadTimeout(millis);
            connection.setRequestMethod(method);
            connection.setUseCaches(false);
            connection.setInstanceFollowRedirects(false);
            connection.setAuthenticator(proxy == null ? NONE : proxy.authenticator());
            if (connection instanceof HttpsURLConnection) {
                HttpsURLConnection https = (HttpsURLConnection) connection;
                https.setHostnameVerifier(STRICT);
                https.setSSLSocketFactory(tlsSockets());
            }
            for (Map.Entry<String, String> header : headers.entrySet()) {
                connection.setRequestProperty(header.getKey(), header.getValue());
            }
            // Calls are 30 s apart, the JDK keeps an idle connection 5 s: keeping it would only start the JDK's
            // Keep-Alive-Timer thread after every call, never save a connect.
            connection.setRequestProperty("Connection", "close");
            String login = through == Proxy.NO_PROXY || !"http".equalsIgnoreCase(uri.getScheme())
                    ? null
                    : proxy.preemptiveLogin();
            if (login != null) {
                connection.setRequestProperty("Proxy-Authorization", login);
            }
            if (body != null) {
                connection.setDoOutput(true);
                connection.setFixedLengthStreamingMode(body.length);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = connection.getResponseCode();
            InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            ByteArrayOutputStream kept = new ByteArrayOutputStream();
            readToTheEnd = in == null || limit > 0 && readUpTo(in, limit, kept);
            return new Answer(status, kept.toByteArray(), connection.getHeaderField("Content-Encoding"));
        } finally {
            if (readToTheEnd) {
                connection.disconnect();
            } else {
                JdkConnections.closeAtOnce(connection);
            }
        }
    }

    /** Made on first use: an agent that speaks plain http never loads the CA store. */
    private synchronized SSLSocketFactory tlsSockets() throws IOException {
        if (tls == null) {
            try {
                tls = new DirectTlsSockets((tlsContext != null ? tlsContext : JdkTls.defaults()).getSocketFactory());
            } catch (GeneralSecurityException e) {
                throw new IOException("no TLS in this JVM: " + e.getMessage());
            }
        }
        return tls;
    }

    /** Keeps the body's first {@code limit} bytes; what follows is never read. True if the body ended within them. */
    private static boolean readUpTo(InputStream in, int limit, ByteArrayOutputStream kept) throws IOException {
        byte[] buffer = new byte[8192];
        while (kept.size() < limit) {
            int n = in.read(buffer, 0, Math.min(buffer.length, limit - kept.size()));
            if (n < 0) {
                return true;
            }
            kept.write(buffer, 0, n);
        }
        return false;
    }
}
