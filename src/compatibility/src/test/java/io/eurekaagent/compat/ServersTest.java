package io.eurekaagent.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eurekaagent.e2e.ChildProcess;
import io.eurekaagent.e2e.EurekaServer;
import io.eurekaagent.e2e.Http;
import io.eurekaagent.e2e.Project;
import io.eurekaagent.e2e.Registry;
import io.eurekaagent.e2e.SharedEurekaServer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every server of the suite on the build's JDK (17): the same checks for each, and what each one's shape needs. */
class ServersTest {
    @ParameterizedTest
    @EnumSource(value = Server.class, mode = EnumSource.Mode.EXCLUDE, names = "HELIDON_4")
    void registeredOnlyOnceItServesOnItsOwnPortWithPagesThatAnswerAndGoneOnSigterm(Server server) throws Exception {
        Scenario.registersOnlyOnceItServesAndLeavesOnSigterm(server);
    }

    /**
     * Dropwizard binds its application and admin connectors from main, and either may accept first: the application
     * connector is registered in 20 of 20 starts, and the log line says why the admin port was passed over: an admin
     * port, or, where it had not begun to accept when the application connector did, that.
     */
    @Test
    void dropwizardsApplicationConnectorIsRegisteredNotItsAdminConnectorTwentyTimesInTwenty() throws Exception {
        EurekaServer eureka = SharedEurekaServer.get();
        List<String> wrong = new ArrayList<>();
        for (int batch = 0; batch < 5; batch++) {
            List<ChildProcess> processes = new ArrayList<>();
            List<int[]> ports = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    int[] pair = Project.freePorts(2);
                    ports.add(pair);
                    processes.add(Server.DROPWIZARD_5.app(eureka, pair[0], pair[1])
                            .property("eureka.instance.appname", "dw-" + (batch * 4 + i))
                            .start("dropwizard-" + (batch * 4 + i)));
                }
                for (int i = 0; i < processes.size(); i++) {
                    ChildProcess process = processes.get(i);
                    String app = "DW-" + (batch * 4 + i);
                    Object port = Registry.awaitInstances(eureka, app, 1, Scenario.START).get(0).get("port");
                    String registering = process.awaitLine("[eureka-agent] registering port", Scenario.START).text;
                    if (!Map.of("$", ports.get(i)[0], "@enabled", "true").equals(port)) {
                        wrong.add(app + " registered " + port + ":\n" + process.output());
                    } else if (!registering.contains("; not " + ports.get(i)[1] + ": an admin port (accepting")
                            // Loaded, the admin connector may not accept yet when the other does (seen beside a run).
                            && !registering.contains("; not " + ports.get(i)[1] + ": bound, not accepting")) {
                        wrong.add(app + " does not say why " + ports.get(i)[1] + " was passed over: " + registering);
                    }
                }
            } finally {
                for (ChildProcess process : processes) {
                    process.stop(Scenario.START);
                    process.close();
                }
            }
        }
        assertEquals(List.of(), wrong, "20 of 20 starts register the application connector");
    }

    /**
     * Netty's epoll transport binds and accepts in C, out of the hooks' sight: its port, found listening once the
     * transport's class has loaded, is registered within 2 s of the app's first answer, with no setting. (The app is
     * called from the start here: its readiness does not wait for a caller.)
     */
    @Test
    void nettysNativeEpollTransportIsRegisteredWithinTwoSecondsOfItsFirstAnswer() throws Exception {
        EurekaServer eureka = SharedEurekaServer.get();
        int port = Project.freePort();
        try (ChildProcess process = Server.NETTY_EPOLL.app(eureka, port, 0)
                .property("eureka.instance.appname", "netty-epoll-timed").start("netty-epoll-timed")) {
            long firstAnswer = 0;
            long registered = 0;
            long deadline = System.nanoTime() + Scenario.START.toNanos();
            while ((firstAnswer == 0 || registered == 0) && System.nanoTime() < deadline) {
                if (firstAnswer == 0 && answers("http://127.0.0.1:" + port + "/hello")) {
                    firstAnswer = System.nanoTime();
                }
                if (registered == 0 && !Registry.instances(eureka, "NETTY-EPOLL-TIMED").isEmpty()) {
                    registered = System.nanoTime();
                }
                Thread.sleep(20);
            }
            long afterMs = (registered - firstAnswer) / 1_000_000;
            System.out.println("Netty epoll: registered " + afterMs + " ms after its first answer");
            assertTrue(firstAnswer != 0 && registered != 0 && afterMs <= 2_000, afterMs + " ms\n" + process.output());
            assertTrue(process.output().contains("found listening (bound in native code: "
                    + "io.netty.channel.epoll.EpollServerSocketChannel)"), process.output());
            process.stop(Scenario.START);
        }
    }

    private static boolean answers(String url) throws InterruptedException {
        try {
            return Http.get(url, Duration.ofMillis(500)).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }
}
