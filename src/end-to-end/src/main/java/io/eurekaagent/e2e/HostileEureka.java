package io.eurekaagent.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;

/**
 * A fake Eureka server on loopback for what a real one will not do on demand: gzip bombs, endless or stalled bodies,
 * echoed credentials, a portal's HTML. Each kind of call (registration, heartbeat, registry fetch) gets the answer
 * set for it; by default those of a healthy server with an empty registry.
 */
public final class HostileEureka implements AutoCloseable {
    /** Writes one whole answer (status line, headers, body) for a request. */
    public interface Answer {
        void write(Map<String, String> requestHeaders, OutputStream out) throws IOException;
    }

    public enum Call { REGISTRATION, HEARTBEAT, FETCH, DEREGISTRATION }

    private static final byte[] EMPTY_REGISTRY =
            "{\"applications\":{\"versions__delta\":\"1\",\"apps__hashcode\":\"\",\"application\":[]}}"
                    .getBytes(StandardCharsets.UTF_8);

    private final ServerSocket server;
    private final Map<Call, Answer> answers = new ConcurrentHashMap<>();
    private final Map<Call, List<Long>> arrivals = new ConcurrentHashMap<>();

    public HostileEureka() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        for (Call call : Call.values()) {
            healthy(call);
            arrivals.put(call, new CopyOnWriteArrayList<>());
        }
        Thread accepting = new Thread(this::accept, "hostile-eureka");
        accepting.setDaemon(true);
        accepting.start();
    }

    public HostileEureka answer(Call call, Answer answer) {
        answers.put(call, answer);
        return this;
    }

    /** Answers that kind of call as a healthy server with an empty registry does. */
    public HostileEureka healthy(Call call) {
        int status = call == Call.REGISTRATION ? 204 : 200;
        return answer(
                call,
                call == Call.FETCH
                        ? status(200, "application/json", EMPTY_REGISTRY)
                        : status(status, null, new byte[0]));
    }

    /** How many calls of that kind were made so far. */
    public int count(Call call) {
        return arrivals.get(call).size();
    }

    /** When each call of that kind came in ({@code System.nanoTime()} of this JVM), oldest first. */
    public List<Long> arrivals(Call call) {
        return new ArrayList<>(arrivals.get(call));
    }

    public String serviceUrl(String userInfo) {
        return "http://" + (userInfo.isEmpty() ? "" : userInfo + "@") + "127.0.0.1:" + server.getLocalPort()
                + "/eureka/";
    }

    /**
     * agent-test-app at -Xmx64m on {@code port}, registering here as {@code name} with {@code userInfo}: discovery on,
     * heartbeat and registry fetch every second, connect and answer timeouts of 1 s.
     */
    public AgentApp smallApp(String name, int port, String userInfo) {
        return new AgentApp().env("PORT", Integer.toString(port)).jvmOption("-Xmx64m")
                .property("eureka.instance.appname", name)
                .property("eureka.instance.hostname", "localhost")
                .property("eureka.instance.ip-address", "127.0.0.1")
                .property("eureka.client.service-url.defaultZone", serviceUrl(userInfo))
                .property("eureka.client.fetch-registry", "true")
                .property("eureka.client.registry-fetch-interval-seconds", "1")
                .property("eureka.instance.lease-renewal-interval-in-seconds", "1")
                .property("eureka.instance.lease-expiration-duration-in-seconds", "3")
                .property("eureka.client.eureka-server-connect-timeout-seconds", "1")
                .property("eureka.client.eureka-server-read-timeout-seconds", "1");
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    public static Answer status(int status, String contentType, byte[] body) {
        return (headers, out) -> {
            String head = "HTTP/1.1 " + status + " X\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n"
                    + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n") + "\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
        };
    }

    /** The body gzipped, as servers answer a request that accepts gzip. */
    public static Answer gzipped(byte[] body) throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(body);
        }
        byte[] bytes = zipped.toByteArray();
        return (headers, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: "
                    + bytes.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
        };
    }

    /** 200 and a chunked body that never ends, as fast as the client reads it. */
    public static Answer endless() {
        byte[] chunk = ("2000\r\n" + "{\"a\":1}".repeat(1170) + "[]\r\n").getBytes(StandardCharsets.US_ASCII);
        return (headers, out) -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            while (true) {
                out.write(chunk);
            }
        };
    }

    /** 200, its headers, then nothing until the client gives up. */
    public static Answer stalled() {
        return (headers, out) -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    /** 200 with 20,000 headers of 4 KB each (80 MB of headers), then an empty body, as fast as the client reads. */
    public static Answer hugeHeaders() {
        byte[] header = ("X-Filler: " + "f".repeat(4096) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        return (headers, out) -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 20_000; i++) {
                out.write(header);
            }
            out.write("Content-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        };
    }

    /** Not a byte, until the client gives up. */
    public static Answer silent() {
        return (headers, out) -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    /** 200, its headers, then one byte of the body every half second: a read never times out, the body never ends. */
    public static Answer dripping() {
        return (headers, out) -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 100_000; i++) {
                out.write(' ');
                out.flush();
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        };
    }

    /**
     * A JSON error that shows the request's credentials in every form a debugging proxy or a careless server might:
     * the Authorization header, the decoded {@code user:password}, and that percent-encoded.
     */
    public static Answer echoingAuthorization(int status) {
        return (headers, out) -> {
            String authorization = String.valueOf(headers.get("authorization"));
            String decoded = authorization.startsWith("Basic ") ? new String(Base64.getDecoder().decode(
                    authorization.substring(6)), StandardCharsets.UTF_8) : authorization;
            String json = "{\"error\":\"you sent Authorization: " + authorization + "\",\"decoded\":\"" + decoded
                    + "\",\"encoded\":\"" + URLEncoder.encode(decoded, StandardCharsets.UTF_8) + "\"}";
            status(status, "application/json", json.getBytes(StandardCharsets.UTF_8)).write(headers, out);
        };
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread connection = new Thread(() -> serve(client), "hostile-eureka-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (Socket socket = client;
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream()) {
            String requestLine = line(in);
            Map<String, String> headers = new HashMap<>();
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                if (colon > 0) {
                    headers.put(
                            header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            header.substring(colon + 1).trim());
                }
            }
            in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
            Call call = call(requestLine);
            if (call != null) {
                arrivals.get(call).add(System.nanoTime());
                answers.get(call).write(headers, out);
            } else {
                status(404, null, new byte[0]).write(headers, out);
            }
        } catch (IOException | RuntimeException closedByTheClient) {
            // a client that gives up on an endless or stalled answer closes the connection
        }
    }

    private static Call call(String requestLine) {
        String[] parts = requestLine.split(" ");
        if (parts.length < 2) {
            return null;
        }
        String path = parts[1];
        switch (parts[0]) {
            case "POST":
                return Call.REGISTRATION;
            case "PUT":
                return Call.HEARTBEAT;
            case "DELETE":
                return Call.DEREGISTRATION;
            default:
                return path.startsWith("/eureka/apps") && (path.equals("/eureka/apps") || path.equals("/eureka/apps/")
                        || path.startsWith("/eureka/apps/delta")) ? Call.FETCH : null;
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
