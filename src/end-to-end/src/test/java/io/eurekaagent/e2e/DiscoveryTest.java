package io.eurekaagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Calls by service name with no code in the app: agent-test-app, as a caller with the agent's registry cache and
 * name resolution on, calls {@code http://orders/whoami} with the JDK's HttpClient and HttpURLConnection.
 */
class DiscoveryTest {
    /** How a request fails when the instance's JVM exits while it is in flight. */
    private static final List<String> IN_FLIGHT_AT_EXIT = List.of(
            "Connection reset",
            "Unexpected end of file from server",
            "header parser received no bytes",
            "EOF reached while reading");

    private static final Duration START = Duration.ofSeconds(30);

    @ParameterizedTest(name = "{0}")
    @CsvSource({"httpclient", "urlconnection"})
    void callsByNameGoRoundRobinToTheUpInstancesAndFollowAStoppedOnesDeregistration(String client) throws Exception {
        EurekaServer server = SharedEurekaServer.get();
        String app = "orders-" + client;
        int[] free = Project.freePorts(3);
        int first = free[0];
        int second = free[1];
        int callerPort = free[2];
        try (ChildProcess one = AgentApp.testApp(server, app, first).start(app + "-1");
             ChildProcess two = AgentApp.testApp(server, app, second).start(app + "-2");
             ChildProcess caller = caller(server, callerPort).start("caller-" + client)) {
            awaitBoth(server, app, one, two);
            // The agent registers the orders apps before they print that they listen: the caller may lag behind.
            caller.awaitLine("listening on port " + callerPort, START);
            String url = "http://" + app + "/whoami";
            awaitCallsReach(callerPort, client, url, List.of(first, second));

            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ports.add(portOf(call(callerPort, client, url)));
            }
            assertTrue(ports.contains(first) && ports.contains(second), "both instances answer: " + ports);
            for (int i = 1; i < ports.size(); i++) {
                assertNotEquals(ports.get(i - 1), ports.get(i), "round-robin: " + ports);
            }

            // A caller keeps calling while one instance stops: a refused connection goes to the other instance.
            List<String> failures = new CopyOnWriteArrayList<>();
            AtomicInteger calls = new AtomicInteger();
            AtomicBoolean calling = new AtomicBoolean(true);
            Thread background = new Thread(() -> {
                while (calling.get()) {
                    try {
                        HttpResponse<String> response = Http.get(callUrl(callerPort, client, url));
                        calls.incrementAndGet();
                        if (response.statusCode() != 200) {
                            failures.add(response.body());
                        }
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                }
            });
            background.start();
            one.stop(START);
            long stopped = System.nanoTime();
            awaitCallsReach(callerPort, client, url, List.of(second));
            long onlySecondMs = (System.nanoTime() - stopped) / 1_000_000;
            calling.set(false);
            background.join();
            System.out.println(client + ": calls go only to the remaining instance " + onlySecondMs
                    + " ms after the other exited; " + calls + " calls in the background, " + failures.size()
                    + " failed");
            // One fetch interval (1 s) and the server's answer; the bound is generous, the figure is printed above.
            assertTrue(
                    onlySecondMs <= 10_000,
                    "calls still reached the stopped instance " + onlySecondMs + " ms after it exited");
            // A request in flight at the very instant the instance's JVM exits is reset or cut off by the OS. Such
            // calls
            // now go once to the next instance (0 failed in 32 runs under load, 2026-12-01); one is still tolerated
            // until CI runs show it never happens. Every other failure fails the test.
            List<String> notCutOff = failures.stream()
                    .filter(f -> IN_FLIGHT_AT_EXIT.stream().noneMatch(f::contains))
                    .collect(Collectors.toList());
            assertEquals(
                    List.of(), notCutOff, "no call failed while an instance stopped, but one in flight as it exited");
            assertTrue(
                    failures.size() <= 1, "at most the one call in flight as the instance exited failed: " + failures);
            two.stop(START);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"httpclient", "urlconnection"})
    void anInstanceKilledWithoutDeregisteringIsPassedOverWhenItRefuses(String client) throws Exception {
        EurekaServer server = SharedEurekaServer.get();
        String app = "killed-" + client;
        int[] free = Project.freePorts(3);
        try (ChildProcess doomed = AgentApp.testApp(server, app, free[0]).start(app + "-1");
             ChildProcess survivor = AgentApp.testApp(server, app, free[1]).start(app + "-2");
             ChildProcess caller = caller(server, free[2]).start("caller-" + app)) {
            awaitBoth(server, app, doomed, survivor);
            caller.awaitLine("listening on port " + free[2], START);
            String url = "http://" + app + "/whoami";
            awaitCallsReach(free[2], client, url, List.of(free[0], free[1]));

            doomed.signal("KILL");
            doomed.awaitExit(START);
            List<Integer> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(portOf(call(free[2], client, url)));
            }

            // Eureka still lists the killed instance (no deregistration; its lease runs on), yet every call succeeded.
            assertEquals(2, Registry.instances(server, app.toUpperCase()).size());
            assertEquals(List.of(free[1], free[1], free[1], free[1], free[1], free[1]), answers);
            survivor.stop(START);
        }
    }

    @Test
    void aNameThatIsNeitherRegisteredNorInDnsFailsAsAnUnknownHostSayingSo() throws Exception {
        EurekaServer server = SharedEurekaServer.get();
        int callerPort = Project.freePort();
        // A name of its own: the other tests' callers, killed at their end, stay listed as CALLER until evicted.
        try (ChildProcess caller = caller(server, callerPort).property("eureka.instance.appname", "unknown-caller")
                .start("unknown-caller")) {
            caller.awaitLine("listening on port", START);
            Registry.awaitInstances(server, "UNKNOWN-CALLER", 1, START);

            HttpResponse<String> response =
                    Http.get(callUrl(callerPort, "urlconnection", "http://no-such-service/whoami"));

            assertEquals(502, response.statusCode());
            assertEquals(
                    "java.net.UnknownHostException: no-such-service: not a known host, and no instance of that name is"
                            + " registered in Eureka",
                    response.body());
            caller.stop(START);
        }
    }

    @Test
    void aConsumerOnlyAppRegistersNothingAwaitsNoPortAndCallsByName() throws Exception {
        EurekaServer server = SharedEurekaServer.get();
        int providerPort = Project.freePort();
        int consumerPort = Project.freePort();
        try (ChildProcess provider = AgentApp.testApp(server, "consumed", providerPort).start("consumed");
             ChildProcess consumer = caller(server, consumerPort).property("eureka.instance.appname", "consumer-only")
                     .property("eureka.client.register-with-eureka", "false").start("consumer-only")) {
            Registry.awaitInstances(server, "CONSUMED", 1, START);
            String line = consumer.awaitLine("consumer only", START).text;
            line = line.substring(line.indexOf(ChildProcess.AGENT));

            assertEquals("agent-test-app on port " + providerPort,
                    Http.awaitOk(callUrl(consumerPort, "httpclient", "http://consumed/whoami"), START).trim());
            assertEquals(List.of(), Registry.instances(server, "CONSUMER-ONLY"));
            consumer.stop(START);
            assertEquals(
                    "[eureka-agent] consumer only (eureka.client.register-with-eureka=false): nothing is registered;"
                            + " the registry is fetched",
                    line);
            assertFalse(
                    consumer.output().contains("registering port")
                            || consumer.output().contains("registered CONSUMER-ONLY")
                            || consumer.output().contains("WARN"),
                    consumer.output());
            provider.stop(START);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"urlconnection", "httpclient"})
    void aCallByNameMadeFirstThingAtStartWaitsForTheRegistryAndSucceeds(String client) throws Exception {
        EurekaServer server = SharedEurekaServer.get();
        int providerPort = Project.freePort();
        try (ChildProcess provider = AgentApp.testApp(server, "early-called", providerPort).start("early-called")) {
            Registry.awaitInstances(server, "EARLY-CALLED", 1, START);
            try (ChildProcess caller = caller(server, Project.freePort())
                    .property("eureka.instance.appname", "early-caller")
                    .env("CALL_AT_START", client + " http://early-called/whoami")
                    .start("early-caller")) {
                String line = caller.awaitLine("call at start:", START).text;
                caller.stop(START);

                assertEquals("call at start: agent-test-app on port " + providerPort, line);
            }
            provider.stop(START);
        }
    }

    @Test
    void aSpringCloudAppAndAnAgentAppCallEachOtherByName() throws Exception {
        EurekaServer server = SharedEurekaServer.get();
        int greeterPort = Project.freePort();
        int springPort = Project.freePort();
        try (ChildProcess greeter = caller(server, greeterPort).property("eureka.instance.appname", "greeting-caller")
                .start("greeting-caller");
             ChildProcess spring = SpringCloudInteropTest.springClient(server, springPort, "spring-callee")) {
            Registry.awaitInstances(server, "GREETING-CALLER", 1, Duration.ofSeconds(90));
            Registry.awaitInstances(server, "SPRING-CALLEE", 1, Duration.ofSeconds(90));

            assertEquals("hello", Http.awaitOk("http://127.0.0.1:" + springPort + "/call/greeting-caller", START));
            assertEquals(
                    "hello", Http.awaitOk(callUrl(greeterPort, "httpclient", "http://spring-callee/hello"), START));
            greeter.stop(START);
            spring.stop(START);
        }
    }

    /** Both instances of {@code app} registered; if not, what the two apps printed. */
    private static void awaitBoth(EurekaServer server, String app, ChildProcess one, ChildProcess two)
            throws Exception {
        try {
            Registry.awaitInstances(server, app.toUpperCase(), 2, START);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n--- first:\n" + one.output() + "--- second:\n" + two.output()
                    + "--- registry:\n" + server.application(app.toUpperCase()), e);
        }
    }

    /** agent-test-app as a caller: registered as CALLER, registry fetched every second, names resolved. */
    private static AgentApp caller(EurekaServer server, int port) {
        return AgentApp.testApp(server, "caller", port)
                .property("eureka.client.fetch-registry", "true")
                .property("eureka.client.registry-fetch-interval-seconds", "1")
                .property("eureka.agent.resolve-service-urls", "true");
    }

    /** Calls until the last answers all come from {@code ports}, each of them among them. */
    private static void awaitCallsReach(int callerPort, String client, String url, List<Integer> ports)
            throws Exception {
        List<Integer> last = new ArrayList<>();
        Await.until(START, Duration.ofMillis(20), () -> {
            HttpResponse<String> response = Http.get(callUrl(callerPort, client, url));
            last.add(response.statusCode() == 200 ? portOf(response.body()) : -1);
            if (last.size() > ports.size() * 2) {
                last.remove(0);
            }
            return last.size() == ports.size() * 2 && ports.containsAll(last) && last.containsAll(ports);
        }, () -> "calls to " + url + " did not settle on " + ports + "; last answers from " + last);
    }

    private static String call(int callerPort, String client, String url) throws Exception {
        HttpResponse<String> response = Http.get(callUrl(callerPort, client, url));
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    private static String callUrl(int callerPort, String client, String url) {
        return "http://127.0.0.1:" + callerPort + "/call?client=" + client + "&url="
                + URLEncoder.encode(url, StandardCharsets.UTF_8);
    }

    private static int portOf(String whoami) {
        return whoami.startsWith("agent-test-app on port ") ? Integer.parseInt(whoami.substring(23).trim()) : -1;
    }
}
