package io.eurekaagent.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real Spring Cloud Netflix Eureka server (src/eureka-server) in its own JVM on a loopback port, and the REST reads
 * a user would make of it.
 */
public final class EurekaServer implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final int port;
    private final List<String> extraArguments;
    private ChildProcess process;
    private long answeringSinceNanos;

    private EurekaServer(int port, List<String> extraArguments) {
        this.port = port;
        this.extraArguments = List.copyOf(extraArguments);
    }

    /** Starts a server on a free port and returns once its REST API answers. */
    public static EurekaServer start(String... extraArguments) throws IOException, InterruptedException {
        EurekaServer server = new EurekaServer(Project.freePort(), List.of(extraArguments));
        server.startProcess();
        return server;
    }

    private void startProcess() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Project.javaOfThisJvm(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-jar", Project.jar("src/eureka-server/target/eureka-server.jar").toString(), "--server.port=" + port));
        command.addAll(extraArguments);
        process = ChildProcess.start("eureka-server", command, Map.of(), Project.root());
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (get("/eureka/apps") != 200) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("Eureka server did not start on port " + port + ":\n" + process.output());
            }
            Thread.sleep(100);
        }
        answeringSinceNanos = System.nanoTime();
        warmUp();
    }

    /**
     * Registers, reads and removes a throwaway instance a few times: a production server's request paths are warm,
     * while a fresh JVM takes ~0.5 s for its first registration, which would be charged to the agent.
     */
    private void warmUp() throws IOException, InterruptedException {
        String instance = "{\"instance\":{\"instanceId\":\"warm-up\",\"hostName\":\"localhost\",\"app\":\"WARM-UP\","
                + "\"ipAddr\":\"127.0.0.1\",\"status\":\"UP\",\"port\":{\"$\":1,\"@enabled\":\"true\"},"
                + "\"dataCenterInfo\":{\"@class\":\"com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo\",\"name\":\"MyOwn\"},"
                + "\"vipAddress\":\"warm-up\"}}";
        for (int i = 0; i < 3; i++) {
            HTTP.send(request("/eureka/apps/WARM-UP").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(instance)).build(), HttpResponse.BodyHandlers.discarding());
            HTTP.send(request("/eureka/apps/WARM-UP/warm-up").PUT(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
            send("/eureka/apps/WARM-UP");
            HTTP.send(request("/eureka/apps/WARM-UP/warm-up").DELETE().build(), HttpResponse.BodyHandlers.discarding());
        }
    }

    /** Stops the server (its registry is in memory, so it comes back empty) and starts it again on the same port. */
    public void restart() throws IOException, InterruptedException {
        stop();
        startProcess();
    }

    public void stop() throws InterruptedException {
        process.sigterm();
        process.awaitExit(Duration.ofSeconds(30));
    }

    /** When the REST API first answered (System.nanoTime), before the warm-up. */
    public long answeringSinceNanos() {
        return answeringSinceNanos;
    }

    public ChildProcess process() {
        return process;
    }

    public int port() {
        return port;
    }

    /** The service URL to give the agent. */
    public String serviceUrl() {
        return "http://127.0.0.1:" + port + "/eureka/";
    }

    /** {@code GET /eureka/apps/{app}} as JSON, or null when the server does not know the app. */
    public String application(String app) throws IOException, InterruptedException {
        HttpResponse<String> response = send("/eureka/apps/" + app);
        return response.statusCode() == 404 ? null : response.body();
    }

    private int get(String path) throws InterruptedException {
        try {
            return send(path).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    private HttpResponse<String> send(String path) throws IOException, InterruptedException {
        return HTTP.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "application/json").timeout(Duration.ofSeconds(5));
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.close();
        }
    }
}
