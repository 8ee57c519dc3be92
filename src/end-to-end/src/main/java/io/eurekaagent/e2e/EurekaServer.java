package io.eurekaagent.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * A real Spring Cloud Netflix Eureka server (src/eureka-server) in its own JVM on a loopback port, and the REST reads
 * a user would make of it.
 */
public final class EurekaServer implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final int port;
    private final List<String> extraArguments;
    private final String scheme;
    private final HttpClient http;
    private final String authorization;
    private ChildProcess process;
    private long answeringSinceNanos;

    private EurekaServer(int port, List<String> extraArguments, SSLContext tls, String authorization) {
        this.port = port;
        this.extraArguments = List.copyOf(extraArguments);
        this.scheme = tls == null ? "http" : "https";
        HttpClient.Builder http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1);
        this.http = (tls == null ? http : http.sslContext(tls)).build();
        this.authorization = authorization;
    }

    /** Starts a server on a free port and returns once its REST API answers. */
    public static EurekaServer start(String... extraArguments) throws IOException, InterruptedException {
        return startOn(Project.freePort(), extraArguments);
    }

    /** Starts a server on {@code port} (one an agent may already be trying) and returns once it answers. */
    public static EurekaServer startOn(int port, String... extraArguments) throws IOException, InterruptedException {
        return started(new EurekaServer(port, List.of(extraArguments), null, null));
    }

    /** A server that wants HTTP basic auth on every request, as Spring Cloud's docs secure one. */
    public static EurekaServer startWithBasicAuth(String user, String password)
            throws IOException, InterruptedException {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return started(new EurekaServer(Project.freePort(), List.of("--eureka-test.user=" + user,
                "--eureka-test.password=" + password), null, "Basic " + token));
    }

    /**
     * An https-only server with {@code pki}'s server certificate; with {@code clientCertificates}, mTLS is required.
     */
    public static EurekaServer startWithTls(TestPki pki, boolean clientCertificates)
            throws IOException, InterruptedException, GeneralSecurityException {
        return startWithTls(pki, pki.serverKeyStore(), clientCertificates);
    }

    /** The same with the server's key and certificate from {@code keyStore}. */
    public static EurekaServer startWithTls(TestPki pki, Path keyStore, boolean clientCertificates)
            throws IOException, InterruptedException, GeneralSecurityException {
        List<String> arguments = new ArrayList<>(List.of("--server.ssl.enabled=true",
                "--server.ssl.key-store=" + keyStore, "--server.ssl.key-store-password=" + TestPki.PASSWORD,
                "--server.ssl.key-store-type=PKCS12"));
        if (clientCertificates) {
            arguments.addAll(List.of("--server.ssl.client-auth=need", "--server.ssl.trust-store=" + pki.trustStore(),
                    "--server.ssl.trust-store-password=" + TestPki.PASSWORD, "--server.ssl.trust-store-type=PKCS12"));
        }
        return started(new EurekaServer(Project.freePort(), arguments, pki.clientContext(), null));
    }

    /** Two servers that replicate to each other, as a production cluster of peers does. */
    public static List<EurekaServer> startPeers() throws IOException, InterruptedException {
        List<EurekaServer> peers = unstartedPeers();
        for (EurekaServer peer : peers) {
            peer.launch();
        }
        for (EurekaServer peer : peers) {
            peer.awaitAnswering();
        }
        return peers;
    }

    /** Two peers with their ports chosen, not started yet ({@link #startAgain}): Eureka down when the app starts. */
    public static List<EurekaServer> unstartedPeers() {
        int[] ports = Project.freePorts(2);
        List<EurekaServer> peers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            peers.add(new EurekaServer(ports[i], List.of("--eureka.client.service-url.defaultZone=http://127.0.0.1:"
                    + ports[1 - i] + "/eureka/"), null, null));
        }
        return peers;
    }

    private static EurekaServer started(EurekaServer server) throws IOException, InterruptedException {
        server.launch();
        server.awaitAnswering();
        return server;
    }

    private void launch() throws IOException, InterruptedException {
        List<String> command = ServerJar.command();
        command.add("--server.port=" + port);
        command.addAll(extraArguments);
        process = ChildProcess.start("eureka-server", command, Map.of(), Project.root());
    }

    private void awaitAnswering() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (get("/eureka/apps") != 200) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "Eureka server did not start on port " + port + ":\n" + process.output());
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
                + "\"dataCenterInfo\":{\"@class\":\"com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo\","
                + "\"name\":\"MyOwn\"},"
                + "\"vipAddress\":\"warm-up\"}}";
        for (int i = 0; i < 3; i++) {
            http.send(
                    request("/eureka/apps/WARM-UP")
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(instance))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            http.send(request("/eureka/apps/WARM-UP/warm-up").PUT(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
            send("/eureka/apps/WARM-UP");
            http.send(request("/eureka/apps/WARM-UP/warm-up").DELETE().build(), HttpResponse.BodyHandlers.discarding());
        }
    }

    /** Stops the server (its registry is in memory, so it comes back empty) and starts it again on the same port. */
    public void restart() throws IOException, InterruptedException {
        stop();
        startAgain();
    }

    /** Starts a stopped (or never started) server on its port and returns once it answers. */
    public void startAgain() throws IOException, InterruptedException {
        launch();
        awaitAnswering();
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
        return serviceUrl("");
    }

    /** The service URL with {@code user:password@} (or nothing) before the host. */
    public String serviceUrl(String userInfo) {
        return scheme + "://" + (userInfo.isEmpty() ? "" : userInfo + "@") + "127.0.0.1:" + port + "/eureka/";
    }

    /** {@code GET /eureka/apps/{app}} as JSON, or null when the server does not know the app. */
    public String application(String app) throws IOException, InterruptedException {
        HttpResponse<String> response = send("/eureka/apps/" + app);
        return response.statusCode() == 404 ? null : response.body();
    }

    /** {@code GET /eureka/apps/{app}/{id}}, which bypasses the server's response cache (renewals show), or null. */
    public String instance(String app, String id) throws IOException, InterruptedException {
        HttpResponse<String> response = send("/eureka/apps/" + app + "/" + id);
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
        return http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        // By name: a server may hold a certificate for localhost only (the agent, told 127.0.0.1, must refuse it).
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(scheme + "://localhost:" + port + path))
                .header("Accept", "application/json").timeout(Duration.ofSeconds(5));
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.close();
        }
    }
}
