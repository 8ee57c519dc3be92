package io.eurekaagent.e2e.apps;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Authenticator;
import java.net.CacheRequest;
import java.net.CacheResponse;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.HttpURLConnection;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ResponseCache;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * An app that installs every JDK-wide HTTP default an app can (cookie jar, response cache, proxy selector,
 * authenticator), each printing {@code app's <what> consulted for <uri>}, then serves on a port of its own and calls
 * itself once through {@code HttpURLConnection}, which consults them all. The agent's calls to Eureka must consult
 * none.
 */
public final class AppGlobalsApp {
    private static final byte[] ANSWER = ("HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"app\"\r\n"
                    + "Set-Cookie: session=app\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);

    private AppGlobalsApp() {
    }

    public static void main(String[] args) throws IOException {
        CookieHandler.setDefault(new CookieManager() {
            @Override
            public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
                consulted("CookieHandler", uri);
                return super.get(uri, headers);
            }

            @Override
            public void put(URI uri, Map<String, List<String>> headers) throws IOException {
                consulted("CookieHandler", uri);
                super.put(uri, headers);
            }
        });
        ResponseCache.setDefault(new ResponseCache() {
            @Override
            public CacheResponse get(URI uri, String method, Map<String, List<String>> headers) {
                consulted("ResponseCache", uri);
                return null;
            }

            @Override
            public CacheRequest put(URI uri, URLConnection connection) {
                consulted("ResponseCache", uri);
                return null;
            }
        });
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                consulted("ProxySelector", uri);
                return List.of(Proxy.NO_PROXY);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException e) {
                consulted("ProxySelector", uri);
            }
        });
        Authenticator.setDefault(new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                consulted("Authenticator", URI.create(getRequestingURL().toString()));
                return null;
            }
        });

        ServerSocket server = new ServerSocket(0);
        Thread serving = new Thread(() -> serve(server), "serving");
        serving.start();
        System.out.println("globals-app listening on port " + server.getLocalPort());
        HttpURLConnection own =
                (HttpURLConnection) new URL("http://127.0.0.1:" + server.getLocalPort() + "/own-call").openConnection();
        System.out.println("globals-app's own call: HTTP " + own.getResponseCode());
    }

    private static void serve(ServerSocket server) {
        while (true) {
            try (Socket client = server.accept();
                    InputStream in = client.getInputStream();
                    OutputStream out = client.getOutputStream()) {
                in.read(new byte[8192]);
                out.write(ANSWER);
            } catch (IOException e) {
                System.out.println("globals-app: " + e);
            }
        }
    }

    private static void consulted(String what, URI uri) {
        System.out.println("app's " + what + " consulted for " + uri);
    }
}
