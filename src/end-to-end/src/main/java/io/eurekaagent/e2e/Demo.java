package io.eurekaagent.e2e;

import java.time.Duration;

/**
 * The README's demo: a real Eureka server on localhost, agent-test-app started with the agent, the instance as
 * Eureka's REST API shows it, then SIGTERM and the instance gone. Ends by itself; exits non-zero if a step fails.
 */
public final class Demo {
    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        say("starting a Spring Cloud Netflix Eureka server on localhost ...");
        try (EurekaServer server = EurekaServer.start()) {
            say("Eureka server up at " + server.serviceUrl());
            int port = Project.freePort();
            AgentApp app = AgentApp.testApp(server, "demo", port);
            say("starting agent-test-app with the agent:\n    "
                    + String.join(" ", app.command()).replace(Project.root() + "/", "") + "\n    (environment PORT="
                    + port + ")");
            try (ChildProcess process = app.start("agent-test-app")) {
                long listening = process.awaitLine("listening on port", Duration.ofSeconds(30)).nanos;
                String instance = null;
                while (instance == null && System.nanoTime() - listening < Duration.ofSeconds(10).toNanos()) {
                    instance = server.application("DEMO");
                    Thread.sleep(instance == null ? 10 : 0);
                }
                if (instance == null) {
                    fail("DEMO did not appear in Eureka within 10 s; app output:\n" + process.output());
                }
                long visibleMs = (System.nanoTime() - listening) / 1_000_000;
                say("app output so far:\n" + indent(process.output()));
                say("GET " + server.serviceUrl() + "apps/DEMO (visible " + visibleMs + " ms after the app listened):\n"
                        + indent(JsonIndenter.indent(instance)));
                say("sending SIGTERM to the app (pid " + process.pid() + ") ...");
                process.sigterm();
                int exit = process.awaitExit(Duration.ofSeconds(30));
                say("app exited with " + exit + " (128 + 15: the JVM's normal exit on SIGTERM); the agent said:\n"
                        + indent(process.output()
                                .lines()
                                .filter(line -> line.contains("deregistered"))
                                .reduce("", (a, b) -> a + b + "\n")));
                String after = server.application("DEMO");
                if (after != null) {
                    fail("DEMO is still registered after the app exited:\n" + after);
                }
                say("GET " + server.serviceUrl() + "apps/DEMO -> 404: the instance is gone.");
            }
            say("stopping the Eureka server. Demo done.");
        }
    }

    private static String indent(String text) {
        return text.strip().replaceAll("(?m)^", "    ");
    }

    private static void say(String text) {
        System.out.println("demo> " + text);
    }

    private static void fail(String text) {
        System.out.println("demo> FAILED: " + text);
        System.exit(1);
    }
}
