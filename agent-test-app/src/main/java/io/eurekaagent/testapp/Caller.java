package io.eurekaagent.testapp;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Plain JDK HTTP calls, as any app makes them: nothing here knows of Eureka. */
final class Caller {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static HttpClient httpClient;

    private Caller() {
    }

    static String get(String client, String url) throws IOException, InterruptedException {
        if ("httpclient".equals(client)) {
            HttpResponse<String> response = httpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .timeout(TIMEOUT)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return response.body();
        }
        try (InputStream in = new URL(url).openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static synchronized HttpClient httpClient() {
        if (httpClient == null) {
            httpClient = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        }
        return httpClient;
    }
}
