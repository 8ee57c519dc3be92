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
 * (what any {@code -javaagent} costs) and with {@code eureka.agent.register-on=start} (the agent without its socket
 * hooks). With the agent, how long after the app listened it was registered. Ends with a
 * table of medians and ratios. Runs from the compatibility suite's artifacts:
 * {@code -De2e.artifacts=src/compatibility/target/artifacts}.
 */
public final class StartupBenchmark {
    private static final Pattern AFTER_LISTEN = Pattern.compile("(\\d+) ms after the app listened");
    private static final String FIRST_ANSWER = "launch to first answer (ms)";
    private static final String CPU = "CPU time of all its threads at its first answer (ms)";
    private static final String REGISTERED = "app listened to registered (ms)";

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
        WITHOUT("without agent"), WITH("with agent"), DISABLED("with agent (client.enabled=false)"),
        NO_HOOKS("with agent (register-on=start)");

        final String label;

        Variant(String label) {
            this.label = label;
        }
    }

    /** {@code -Dapps=agent-test-app,netty-app}: some of the apps only (a quicker loop while working on one). */
    private static final List<App> APPS = selectedApps(System.getProperty("apps", ""));

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
                for (App app : APPS) {
                    benchmark.measure(app, Variant.WITHOUT, run);
                    benchmark.measure(app, Variant.WITH, run);
                    if (app == App.AGENT_TEST_APP) {
                        benchmark.measure(app, Variant.DISABLED, run);
                        benchmark.measure(app, Variant.NO_HOOKS, run);
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
        List<String> agent = new ArrayList<>(List.of("-Deureka.client.service-url.defaultZone=" + eureka.serviceUrl(),
                "-Deureka.instance.appname=" + name,
                variant == Variant.DISABLED ? "-Deureka.client.enabled=false" : "-Deureka.client.enabled=true"));
        if (variant == Variant.NO_HOOKS) {
            agent.add("-Deureka.agent.register-on=start");
        }
        long launch = System.nanoTime();
        try (ChildProcess process = launch(app, variant, ports, agent)) {
            long first;
            try {
                first = Launches.until(() -> Launches.answers("http://127.0.0.1:" + ports[0] + app.path), launch);
            } catch (IllegalStateException e) {
                throw new IllegalStateException(app.label + " " + variant.label + " did not answer:\n"
                        + process.output(), e);
            }
            double cpu = Launches.cpuMillis(process.pid());
            figures.record(label(app, variant, FIRST_ANSWER), (first - launch) / 1e6);
            figures.record(label(app, variant, CPU), cpu);
            if (variant == Variant.WITH) {
                figures.record(label(app, variant, REGISTERED), Launches.number(process, AFTER_LISTEN));
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

    private static List<App> selectedApps(String labels) {
        List<App> apps = new ArrayList<>();
        for (App app : App.values()) {
            if (labels.isEmpty() || List.of(labels.split(",")).contains(app.label)) {
                apps.add(app);
            }
        }
        if (apps.isEmpty()) {
            throw new IllegalArgumentException("-Dapps=" + labels + " names none of the apps; expected labels such as"
                    + " agent-test-app,netty-app");
        }
        return apps;
    }

    /** The medians side by side: with the agent against without, and against any -javaagent for agent-test-app. */
    private void summary() {
        System.out.println();
        System.out.printf("%-26s %10s %10s %8s %14s %12s %12s%n", "launch to first answer", "without", "with", "ratio",
                "registered", "CPU without", "CPU with");
        for (App app : APPS) {
            double without = median(app, Variant.WITHOUT, FIRST_ANSWER);
            double with = median(app, Variant.WITH, FIRST_ANSWER);
            System.out.printf("%-26s %8.1f ms %8.1f ms %7.2fx %11.1f ms %9.1f ms %9.1f ms%n", app.label, without,
                    with, with / without, median(app, Variant.WITH, REGISTERED), median(app, Variant.WITHOUT, CPU),
                    median(app, Variant.WITH, CPU));
        }
        if (!APPS.contains(App.AGENT_TEST_APP)) {
            return;
        }
        App app = App.AGENT_TEST_APP;
        double disabled = median(app, Variant.DISABLED, FIRST_ANSWER);
        double noHooks = median(app, Variant.NO_HOOKS, FIRST_ANSWER);
        System.out.printf("%-26s %8.1f ms (client.enabled=false): the agent adds %.1f ms to that%n", app.label,
                disabled, median(app, Variant.WITH, FIRST_ANSWER) - disabled);
        System.out.printf("%-26s %8.1f ms (register-on=start, no socket hooks): %.1f ms above client.enabled=false%n",
                app.label, noHooks, noHooks - disabled);
        System.out.printf("%-26s CPU to first answer: %.1f ms client.enabled=false, %.1f ms register-on=start, %.1f ms"
                + " with the agent%n", app.label, median(app, Variant.DISABLED, CPU),
                median(app, Variant.NO_HOOKS, CPU), median(app, Variant.WITH, CPU));
    }

    private double median(App app, Variant variant, String figure) {
        return figures.median(label(app, variant, figure));
    }

    private static String label(App app, Variant variant, String figure) {
        return app.label + " " + variant.label + ": " + figure;
    }
}
