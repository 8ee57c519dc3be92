package io.eurekaagent.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the agent costs the start of servers that start fast, where the agent's own work cannot hide behind the app's:
 * each app launched alternately without and with the agent, {@code -Druns=N} times (default 9), timed from launch to
 * its first answer with the same 5 ms polling either way; agent-test-app also with {@code eureka.client.enabled=false}
 * (what any {@code -javaagent} costs). With the agent, how long after the app listened it was registered. Ends with a
 * table of medians and ratios. Runs from the compatibility suite's artifacts:
 * {@code -De2e.artifacts=src/compatibility/target/artifacts}.
 */
public final class StartupBenchmark {
    private static final Pattern AFTER_LISTEN = Pattern.compile("(\\d+) ms after the app listened");

    /** One app and how it is launched on a port. */
    private enum App {
        AGENT_TEST_APP("agent-test-app", "/hello"),
        NETTY("netty-app", "/hello"),
        VERTX("vertx-app", "/hello"),
        DROPWIZARD("dropwizard-app", "/hello"),
        TOMCAT("standalone Tomcat + WAR", "/hello-war/hello"),
        SPRING_BOOT("spring-boot-app", "/hello");

        final String label;
        final String path;

        App(String label, String path) {
            this.label = label;
            this.path = path;
        }
    }

    private enum Variant {
        WITHOUT("without agent"), WITH("with agent"), DISABLED("with agent (client.enabled=false)");

        final String label;

        Variant(String label) {
            this.label = label;
        }
    }

    private final Figures figures = new Figures();
    private final EurekaServer eureka;

    private StartupBenchmark(EurekaServer eureka) {
        this.eureka = eureka;
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("runs", 9);
        System.out.println("start-up benchmark: " + runs + " runs of each, alternating without and with the agent;"
                + " java " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
                + " cores");
        try (EurekaServer eureka = EurekaServer.start()) {
            StartupBenchmark benchmark = new StartupBenchmark(eureka);
            for (int run = 1; run <= runs; run++) {
                System.out.println("run " + run + " of " + runs + " ...");
                for (App app : App.values()) {
                    benchmark.measure(app, Variant.WITHOUT, run);
                    benchmark.measure(app, Variant.WITH, run);
                    if (app == App.AGENT_TEST_APP) {
                        benchmark.measure(app, Variant.DISABLED, run);
                    }
                }
            }
            benchmark.figures.print();
            benchmark.summary();
        }
    }

    private void measure(App app, Variant variant, int run) throws Exception {
        int[] ports = Project.freePorts(2);
        String name = "startup-" + app.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + run;
        List<String> agent = List.of("-Deureka.client.service-url.defaultZone=" + eureka.serviceUrl(),
                "-Deureka.instance.appname=" + name,
                variant == Variant.DISABLED ? "-Deureka.client.enabled=false" : "-Deureka.client.enabled=true");
        long launch = System.nanoTime();
        try (ChildProcess process = launch(app, variant, ports, agent)) {
            long first;
            try {
                first = Launches.until(() -> Launches.answers("http://127.0.0.1:" + ports[0] + app.path), launch);
            } catch (IllegalStateException e) {
                throw new IllegalStateException(app.label + " " + variant.label + " did not answer:\n"
                        + process.output(), e);
            }
            String label = app.label + " " + variant.label;
            figures.record(label + ": launch to first answer (ms)", (first - launch) / 1e6);
            if (variant == Variant.WITH) {
                figures.record(label + ": app listened to registered (ms)", Launches.number(process, AFTER_LISTEN));
            }
            process.stop(Launches.TIMEOUT);
        }
    }

    private static ChildProcess launch(App app, Variant variant, int[] ports, List<String> agent) throws Exception {
        if (app == App.TOMCAT) {
            Path base = Files.createTempDirectory("startup-tomcat");
            StandaloneTomcat tomcat = StandaloneTomcat.with(base, Project.jar("hello-war.war"), ports[0], ports[1]);
            List<String> options = new ArrayList<>(List.of("-Dhello-war.deploy-seconds=0"));
            if (variant == Variant.WITHOUT) {
                return tomcat.startWithoutAgent("tomcat", options);
            }
            options.addAll(agent);
            return tomcat.start("tomcat", options);
        }
        AgentApp process = new AgentApp();
        if (variant == Variant.WITHOUT) {
            process.withoutAgentFlag();
        } else {
            for (String setting : agent) {
                String[] keyValue = setting.substring(2).split("=", 2);
                process.property(keyValue[0], keyValue[1]);
            }
        }
        String port = Integer.toString(ports[0]);
        switch (app) {
            case AGENT_TEST_APP:
                return process.env("PORT", port).start("agent-test-app");
            case NETTY:
                return process.property("port", port).main("-jar", Project.jar("netty-app.jar").toString())
                        .start("netty");
            case VERTX:
                return process.property("http.port", port).main("-jar", Project.jar("vertx-app.jar").toString())
                        .start("vertx");
            case DROPWIZARD:
                return process.property("dw.server.applicationConnectors[0].port", port)
                        .property("dw.server.adminConnectors[0].port", Integer.toString(ports[1]))
                        .main("-jar", Project.jar("dropwizard-app.jar").toString(), "server").start("dropwizard");
            default:
                return process.main("-jar", Project.jar("spring-boot-app.jar").toString(), "--server.port=" + port)
                        .start("spring-boot");
        }
    }

    /** The medians side by side: with the agent against without, and against any -javaagent for agent-test-app. */
    private void summary() {
        System.out.println();
        System.out.printf("%-26s %10s %10s %8s %14s%n", "launch to first answer", "without", "with", "ratio",
                "registered");
        for (App app : App.values()) {
            double without = figures.median(app.label + " without agent: launch to first answer (ms)");
            double with = figures.median(app.label + " with agent: launch to first answer (ms)");
            double registered = figures.median(app.label + " with agent: app listened to registered (ms)");
            System.out.printf("%-26s %8.1f ms %8.1f ms %7.2fx %11.1f ms%n", app.label, without, with, with / without,
                    registered);
        }
        double disabled = figures.median(
                App.AGENT_TEST_APP.label + " with agent (client.enabled=false): launch to first answer (ms)");
        double with = figures.median(App.AGENT_TEST_APP.label + " with agent: launch to first answer (ms)");
        System.out.printf("%-26s %8.1f ms (client.enabled=false): the agent adds %.1f ms to that%n",
                App.AGENT_TEST_APP.label, disabled, with - disabled);
    }
}
