package io.eurekaagent.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the agent costs the app, side by side in one run: each app started alternately with and without the agent,
 * medians of {@code -Druns=N} (default 5) runs. Prints premain time, launch-to-first-response (agent-test-app and a
 * Spring Boot app), launch-to-registered against Spring Cloud's own Eureka client, ready-to-registered, resident
 * memory, threads, SIGTERM to exit (deregistration included) and the agent jar's size; agent-test-app also with the
 * agent's other transport.
 */
public final class Benchmark {
    private static final Duration TIMEOUT = Launches.TIMEOUT;
    private static final Pattern PREMAIN = Pattern.compile("premain took ([\\d.]+) ms");
    private static final Pattern AFTER_LISTEN = Pattern.compile("(\\d+) ms after the app listened");

    private final Figures figures = new Figures();
    private final EurekaServer eureka;

    private Benchmark(EurekaServer eureka) {
        this.eureka = eureka;
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("runs", 5);
        System.out.println("benchmark: " + runs + " runs of each, alternating with and without the agent; java "
                + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors() + " cores");
        try (EurekaServer eureka = EurekaServer.start()) {
            Benchmark benchmark = new Benchmark(eureka);
            if (Boolean.getBoolean("aot")) {
                benchmark.aotCache(runs);
                return;
            }
            for (int run = 1; run <= runs; run++) {
                System.out.println("run " + run + " of " + runs + " ...");
                benchmark.testApp(false, run, null);
                benchmark.testApp(true, run, null);
                benchmark.testApp(true, run, "java-http-client");
                benchmark.testAppWith(run, "eureka.client.enabled", "false");
                benchmark.testAppWith(run, "eureka.agent.register-on", "start");
                benchmark.springBoot(false, run, null);
                benchmark.springBoot(true, run, null);
                benchmark.springBoot(true, run, "java-http-client");
                benchmark.springCloudClient(run);
                for (String client : new String[] {"none", "httpclient", "urlconnection"}) {
                    benchmark.httpCost(client);
                }
            }
            benchmark.report();
        }
    }

    /**
     * {@code -Daot=true}, with {@code -De2e.java} naming a JDK 25: agent-test-app with the agent, alternately without
     * and with a JDK AOT cache made by one training run with the agent attached ({@code -XX:AOTCacheOutput}).
     */
    private void aotCache(int runs) throws Exception {
        Path cache = Files.createTempDirectory("eureka-agent-aot").resolve("app.aot");
        int trainingPort = Project.freePort();
        AgentApp training = new AgentApp()
                .env("PORT", Integer.toString(trainingPort))
                .jvmOption("-XX:AOTCacheOutput=" + cache)
                .jvmOption("-XX:NativeMemoryTracking=summary")
                .property("eureka.client.service-url.defaultZone", eureka.serviceUrl())
                .property("eureka.instance.appname", "bench-aot");
        try (ChildProcess process = training.start("aot-training")) {
            Launches.until(() -> answers(trainingPort), System.nanoTime());
            Launches.until(() -> registered("BENCH-AOT"), System.nanoTime());
            process.stop(TIMEOUT);
        }
        for (int run = 1; run <= runs; run++) {
            System.out.println("run " + run + " of " + runs + " ...");
            for (boolean withCache : new boolean[] {false, true}) {
                int port = Project.freePort();
                AgentApp app = new AgentApp().env("PORT", Integer.toString(port)).property("eureka.agent.debug", "true")
                        .property("eureka.client.service-url.defaultZone", eureka.serviceUrl())
                        .property("eureka.instance.appname", "bench-aot-" + run);
                if (withCache) {
                    app.jvmOption("-XX:AOTCache=" + cache);
                }
                measure(
                        withCache ? "agent-test-app, AOT cache," : "agent-test-app, no AOT cache,",
                        app,
                        port,
                        null,
                        true);
            }
        }
        report();
    }

    /** @param httpClient the agent's transport when not the default one, else null */
    private void testApp(boolean withAgent, int run, String httpClient) throws Exception {
        int port = Project.freePort();
        AgentApp app = new AgentApp().env("PORT", Integer.toString(port)).property("eureka.agent.debug", "true")
                .property("eureka.client.service-url.defaultZone", eureka.serviceUrl())
                .property("eureka.instance.appname", "bench-plain-" + run);
        measure("agent-test-app", transport(app, httpClient, withAgent), port, null, withAgent);
    }

    /**
     * With the agent and one setting that leaves part of it out, to break its cost down: {@code client.enabled=false}
     * is
     * what any {@code -javaagent} costs (the JVM's instrument start-up, the jar, premain reading the settings),
     * {@code register-on=start} the agent without its socket hooks.
     */
    private void testAppWith(int run, String key, String value) throws Exception {
        int port = Project.freePort();
        AgentApp app = new AgentApp().env("PORT", Integer.toString(port)).property("eureka.agent.debug", "true")
                .property("eureka.client.service-url.defaultZone", eureka.serviceUrl())
                .property("eureka.instance.appname", "bench-" + value + "-" + run).property(key, value);
        measure("agent-test-app", app, port, null, !value.equals("false"));
    }

    /** The app as measured: with the agent on its default or {@code httpClient} transport, or without it. */
    private static AgentApp transport(AgentApp app, String httpClient, boolean withAgent) {
        if (httpClient != null) {
            app.property("eureka.agent.http-client", httpClient);
        }
        return withAgent ? app : app.withoutAgentFlag();
    }

    private void springBoot(boolean withAgent, int run, String httpClient) throws Exception {
        int port = Project.freePort();
        String name = "bench-boot-" + run + (httpClient == null ? "" : "-" + httpClient);
        AgentApp app = new AgentApp().property("eureka.client.service-url.defaultZone", eureka.serviceUrl())
                .property("eureka.agent.debug", "true")
                .property("eureka.instance.appname", name)
                .main("-jar", Project.jar("spring-boot-app.jar").toString(), "--server.port=" + port);
        measure(
                "spring-boot-app",
                transport(app, httpClient, withAgent),
                port,
                withAgent ? name.toUpperCase() : null,
                withAgent);
    }

    private void springCloudClient(int run) throws Exception {
        int port = Project.freePort();
        AgentApp app = new AgentApp().withoutAgentFlag()
                .main("-jar", Project.jar("spring-client.jar").toString(), "--server.port=" + port,
                        "--eureka.client.service-url.defaultZone=" + eureka.serviceUrl(),
                        "--spring.application.name=bench-cloud-" + run);
        measure("spring-cloud-client", app, port, "BENCH-CLOUD-" + run, false);
    }

    /** One GET through each JDK HTTP client in a bare JVM: what the choice of client costs by itself. */
    private void httpCost(String client) throws Exception {
        AgentApp app = new AgentApp()
                .withoutAgentFlag()
                .main(
                        "-cp",
                        Project.root().resolve("src/end-to-end/target/classes").toString(),
                        "io.eurekaagent.e2e.apps.HttpCost",
                        client,
                        eureka.serviceUrl() + "apps");
        try (ChildProcess process = app.start("http-cost")) {
            process.awaitExit(TIMEOUT);
            String[] figures = process.output().trim().split(" ");
            String label = "one GET, bare JVM, " + client + ": ";
            if (!client.equals("none")) {
                record(label + "request incl. client start-up (ms)", Double.parseDouble(figures[0]));
            }
            record(label + "resident memory (MB)", Long.parseLong(figures[1]) / 1024.0);
            record(label + "threads", Double.parseDouble(figures[2]));
        }
    }

    /**
     * Launches, times the first 200 from /hello and (if {@code app} is given) the registration, then reads /proc.
     * @param withAgent whether the agent runs and prints its premain and registration times
     */
    private void measure(String name, AgentApp app, int port, String registeredApp, boolean withAgent)
            throws Exception {
        String variant = app.command().stream()
                .filter(arg -> arg.matches("-Deureka\\.(agent\\.http-client|agent\\.register-on|client\\.enabled)=.*"))
                .findFirst()
                .map(arg -> " (" + arg.substring(arg.indexOf('.', 3) + 1).replace("agent.http-client=", "") + ")")
                .orElse("");
        boolean agentFlag = app.command().stream().anyMatch(arg -> arg.startsWith("-javaagent:"));
        String label = name
                + (name.equals("spring-cloud-client") ? "" : agentFlag ? " with agent" + variant : " without agent");
        app.jvmOption("-XX:NativeMemoryTracking=summary");
        long launch = System.nanoTime();
        try (ChildProcess process = app.start(name)) {
            long firstResponse = Launches.until(() -> answers(port), launch) - launch;
            record(label + ": launch to first /hello (ms)", firstResponse / 1e6);
            if (registeredApp != null) {
                long registered = Launches.until(() -> registered(registeredApp), launch) - launch;
                record(label + ": launch to registered (ms)", registered / 1e6);
            }
            if (withAgent) {
                record(label + ": premain (ms)", Launches.number(process, PREMAIN));
                if (!variant.contains("register-on=start")) {
                    record(label + ": app listened to registered (ms)", Launches.number(process, AFTER_LISTEN));
                }
            }
            Thread.sleep(2000);
            Map<String, String> status = procStatus(process.pid());
            record(
                    label + ": resident memory (MB)",
                    Long.parseLong(status.get("VmRSS").replaceAll("\\D", "")) / 1024.0);
            record(label + ": threads", Double.parseDouble(status.get("Threads").trim()));
            record(label + ": footprint, non-heap + live heap (MB)", footprint(process.pid()));
            long sigterm = System.nanoTime();
            process.stop(TIMEOUT);
            record(label + ": SIGTERM to exit (ms)", (System.nanoTime() - sigterm) / 1e6);
        }
    }

    /**
     * What the JVM holds for the app beyond heap sizing, which swings RSS by tens of MB run to run: native memory
     * committed outside the Java heap (NMT) plus the heap still live after a full collection.
     */
    private static double footprint(long pid) throws IOException, InterruptedException {
        long liveHeap = Jcmd.liveHeapKb(pid);
        String nmt = Jcmd.run(pid, "VM.native_memory", "summary");
        long total = Jcmd.kilobytes(nmt, "Total: reserved=\\d+KB, committed=(\\d+)KB");
        long heapCommitted = Jcmd.kilobytes(nmt, "Java Heap \\(reserved=\\d+KB, committed=(\\d+)KB");
        return (total - heapCommitted + liveHeap) / 1024.0;
    }

    private static boolean answers(int port) {
        return Launches.answers("http://127.0.0.1:" + port + "/hello");
    }

    private boolean registered(String app) {
        try {
            return eureka.application(app) != null;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static Map<String, String> procStatus(long pid) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            int colon = line.indexOf(':');
            fields.put(line.substring(0, colon), line.substring(colon + 1).trim());
        }
        return fields;
    }

    private void record(String figure, double value) {
        figures.record(figure, value);
    }

    private void report() throws IOException {
        figures.print();
        System.out.printf("%-80s %10.2f%n", "agent jar (MB)", Files.size(Project.agentJar()) / 1024.0 / 1024.0);
    }
}
