package io.eurekaagent.e2e.apps;

import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * What one HTTP request costs a JVM with each JDK client, for the benchmark: {@code none}, {@code httpclient}
 * (java.net.http, built as the agent builds it) or {@code urlconnection}, then prints
 * {@code <ms for the request> <resident KB> <threads>}.
 */
public final class HttpCost {
    private HttpCost() {
    }

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[1]);
        long start = System.nanoTime();
        if (args[0].equals("httpclient")) {
            SSLContext untrusting = SSLContext.getInstance("TLS");
            untrusting.init(new KeyManager[0], new TrustManager[0], null);
            HttpClient client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .sslContext(untrusting)
                    .build();
            client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        } else if (args[0].equals("urlconnection")) {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.getResponseCode();
            connection.getInputStream().readAllBytes();
        }
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        String rss = "";
        String threads = "";
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = line.replaceAll("\\D", "");
            } else if (line.startsWith("Threads:")) {
                threads = line.replaceAll("\\D", "");
            }
        }
        System.out.println(tookMs + " " + rss + " " + threads);
    }
}
