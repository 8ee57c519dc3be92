package io.eurekaagent.e2e.apps;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.Permission;

/**
 * An app that makes the JVM hostile to an agent before it serves, as some do: {@code url-factory} installs a
 * {@code URLStreamHandlerFactory} that throws for http and https (every {@code new URL("http:...")} of the JVM then
 * fails); {@code security-manager} installs a SecurityManager that denies {@code setContextClassLoader} and allows
 * the rest (JDK 17-23). Then it serves {@code /hello} on the port given ({@code 0}: any) and prints it.
 */
public final class HostileHostApp {
    private HostileHostApp() {
    }

    public static void main(String[] args) throws IOException {
        if (args[0].equals("url-factory")) {
            URL.setURLStreamHandlerFactory(protocol -> {
                if (protocol.startsWith("http")) {
                    throw new IllegalStateException("this app allows no " + protocol + " URLs");
                }
                return null;
            });
        } else {
            System.setSecurityManager(new DenyingContextClassLoaders());
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(Integer.parseInt(args[1])), 0);
        server.createContext("/hello", exchange -> {
            byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        System.out.println("hostile host (" + args[0] + ") listening on port " + server.getAddress().getPort());
    }

    /** Allows everything but setting a thread's context class loader. */
    private static final class DenyingContextClassLoaders extends SecurityManager {
        @Override
        public void checkPermission(Permission permission) {
            if (permission.getName().equals("setContextClassLoader")) {
                throw new SecurityException("this app denies setContextClassLoader");
            }
        }

        @Override
        public void checkPermission(Permission permission, Object context) {
            checkPermission(permission);
        }
    }
}
