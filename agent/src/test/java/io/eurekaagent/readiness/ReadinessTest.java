package io.eurekaagent.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.eurekaagent.config.AgentConfig;
import io.eurekaagent.config.ReadinessSettings;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The ways of telling that the app serves without the socket hooks, in this JVM: register-on=start, a port that
 * answers TCP (port-open), and the ports listening when the agent is attached late.
 */
class ReadinessTest {
    private final List<String> started = new ArrayList<>();
    private final Readiness.Waiting waiting = new Readiness.Waiting() {
        @Override
        public void appListens() {
            started.add("listens");
        }

        @Override
        public void appStarting() {
            started.add("starting");
        }
    };

    static ReadinessSettings settings(String... keysAndValues) throws Exception {
        Properties properties = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return AgentConfig.load(null, properties, Map.of()).readiness();
    }

    /** Stops after {@code checks} looks, as the agent's shutdown would. */
    private static BooleanSupplier stopAfter(int checks) {
        AtomicInteger seen = new AtomicInteger();
        return () -> seen.incrementAndGet() > checks;
    }

    @Test
    void registerOnStartIsReadyAtOnceWithNoPort() throws Exception {
        Readiness readiness = ReadinessSetup.install(settings("eureka.agent.register-on", "start"), null, null, false);

        assertSame(ReadyPort.NONE, readiness.await(stopAfter(0), waiting));
        assertEquals(List.of("listens"), started);
    }

    @Test
    void portOpenRegistersOnceTheConfiguredPortAcceptsAConnection() throws Exception {
        try (ServerSocket app = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Readiness readiness = ReadinessSetup.install(settings("eureka.agent.register-on", "port-open",
                    "eureka.instance.non-secure-port", Integer.toString(app.getLocalPort())), null, null, false);

            ReadyPort ready = readiness.await(stopAfter(1_000), waiting);

            assertInstanceOf(PortOpenProbe.class, readiness);
            assertEquals(app.getLocalPort(), ready.port());
            assertEquals(List.of("listens", "starting"), started);
        }
    }

    @Test
    void portOpenKeepsWaitingWhileThePortRefusesAndStopsWhenTold() throws Exception {
        // Bound but not listening: connections to it are refused, and no other socket can take the port meanwhile.
        try (Socket notListening = new Socket()) {
            notListening.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            PortOpenProbe probe = new PortOpenProbe(notListening.getLocalPort(), null);

            assertNull(probe.await(stopAfter(3), waiting));
        }
    }

    @Test
    void attachedLateTheAppsListeningPortIsRegistered() throws Exception {
        try (ServerSocket app = new ServerSocket(0)) {
            Readiness readiness = ReadinessSetup.install(settings(
                    "eureka.instance.non-secure-port", Integer.toString(app.getLocalPort())), null, null, true);

            ReadyPort ready = readiness.await(stopAfter(1_000), waiting);

            assertInstanceOf(AttachedReadiness.class, readiness);
            assertEquals(app.getLocalPort(), ready.port());
            assertEquals("listens", started.get(0));
        }
    }

    @Test
    void attachedLateToAnAppNotListeningOnItsPortYetItWaits() throws Exception {
        try (Socket notListening = new Socket()) {
            notListening.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Readiness readiness = ReadinessSetup.install(settings("eureka.instance.non-secure-port",
                    Integer.toString(notListening.getLocalPort())), null, null, true);

            assertNull(readiness.await(stopAfter(2), waiting));
        }
    }
}
