package io.eurekaagent.client;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executor;

/** The agent's one JDK HTTP client, shared by the Eureka calls and the health checks (its threads count for the app). */
public final class HttpClients {
    private HttpClients() {
    }

    public static HttpClient create(Duration connectTimeout, Executor executor) {
        // HTTP/1.1: the default HTTP/2 adds an h2c upgrade to every plain-http request, which Eureka never takes.
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .executor(executor)
                .build();
    }
}
