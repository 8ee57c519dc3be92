package io.eurekaagent.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eurekaagent.log.AgentLog;
import io.eurekaagent.log.LogFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The agent's side of the socket hook, in virtual time: events as the hook queues them, real sockets. */
class PortWatchTest {
    private static final long SECOND = 1_000_000_000L;
    private static final String EPOLL = "io.netty.channel.epoll.EpollServerSocketChannel";

    private final ByteArrayOutputStream lines = new ByteArrayOutputStream();
    private final List<ServerSocketChannel> channels = new ArrayList<>();
    private final List<String> looked = new ArrayList<>();
    private PrintStream previous;

    @BeforeEach
    void captureLines() {
        previous = AgentLog.writeTo(new PrintStream(lines, true));
        AgentLog.setFormat(LogFormat.PLAIN);
    }

    @AfterEach
    void restore() throws IOException {
        AgentLog.writeTo(previous);
        AgentLog.setFormat(LogFormat.TIMESTAMPED);
        AgentLog.setDebug(false);
        for (ServerSocketChannel channel : channels) {
            channel.close();
        }
    }

    private PortWatch watch(NativePorts.Source listening) throws Exception {
        return new PortWatch(new SocketHooks(null), PortChoiceTest.choice(Map.of(), Map.of()),
                new NativePorts(listening, Set.of(), 0), null, 0);
    }

    private NativePorts.Source noneListening() {
        return () -> {
            looked.add("looked");
            return List.of();
        };
    }

    private ServerSocketChannel unbound() throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open();
        channels.add(channel);
        return channel;
    }

    private static int bind(ServerSocketChannel channel) throws IOException {
        channel.bind(new InetSocketAddress("0.0.0.0", 0));
        return ((InetSocketAddress) channel.getLocalAddress()).getPort();
    }

    private static SocketEvent binding(Object socket, long nanos) {
        return new SocketEvent(SocketEvent.Kind.BINDING, socket, null, "main", false, nanos);
    }

    private static SocketEvent accepting(Object socket, InetSocketAddress address, long nanos) {
        return new SocketEvent(SocketEvent.Kind.ACCEPTING, socket, address, "main", false, nanos);
    }

    @Test
    void anInterestInAcceptingRegisteredBeforeTheBindCountsFromTheBind() throws Exception {
        PortWatch watch = watch(noneListening());
        ServerSocketChannel channel = unbound();
        watch.handle(accepting(channel, null, 1));
        assertNull(watch.step(2));
        watch.handle(binding(channel, 3));
        int port = bind(channel);

        ReadyPort serving = watch.step(4);
        assertEquals(port, serving.port(), "no caller needed: the interest was there before");
        assertEquals(3, serving.sinceNanos());
    }

    @Test
    void anInterestBeforeTheBindTakenInOnlyAfterTheBindReturnedStillCounts() throws Exception {
        PortWatch watch = watch(noneListening());
        ServerSocketChannel channel = unbound();
        // The agent's thread was busy (java.net.http's client takes ~300 ms to make): all arrive at once, bound.
        SocketEvent interest = accepting(channel, null, 1);
        int port = bind(channel);
        watch.handle(binding(channel, 2));
        watch.handle(interest);

        assertEquals(port, watch.step(3).port());
    }

    @Test
    void aBindReportedByTheAdaptorAndItsChannelIsLoggedOnce() throws Exception {
        AgentLog.setDebug(true);
        PortWatch watch = watch(noneListening());
        ServerSocketChannel channel = unbound();
        watch.handle(binding(channel.socket(), 1));
        watch.handle(binding(channel, 1));
        int port = bind(channel);
        assertNull(watch.step(2));
        watch.handle(accepting(channel, (InetSocketAddress) channel.getLocalAddress(), 3));

        assertEquals(port, watch.step(3).port());
        long bound = lines.toString().lines().filter(line -> line.contains("DEBUG bound ")).count();
        assertEquals(1, bound, lines.toString());
    }

    @Test
    void aNativeTransportsPortIsFoundListeningAsSoonAsItsClassHasLoaded() throws Exception {
        InetSocketAddress netty = new InetSocketAddress("0.0.0.0", 8080);
        List<InetSocketAddress> listening = new ArrayList<>();
        PortWatch watch = watch(() -> listening);
        watch.handle(new SocketEvent(SocketEvent.Kind.NATIVE_TRANSPORT, EPOLL, null, "main", false, SECOND));
        assertNull(watch.step(SECOND));
        listening.add(netty);
        assertNull(watch.step(SECOND + NativePorts.HINTED_EVERY_NANOS - 1), "looked for every 100 ms");

        ReadyPort serving = watch.step(SECOND + NativePorts.HINTED_EVERY_NANOS);
        assertEquals(8080, serving.port());
        assertEquals("a port the app listens on (0.0.0.0:8080, found listening (bound in native code: " + EPOLL
                + "))", serving.how());
    }

    @Test
    void aPortListeningBeforeTheAppsMainIsNeverTakenForTheApps() throws Exception {
        AgentLog.setDebug(true);
        List<InetSocketAddress> listening = new ArrayList<>(List.of(new InetSocketAddress("0.0.0.0", 9404)));
        Set<Integer> before = NativePorts.listeningNow(() -> listening);
        PortWatch watch = new PortWatch(new SocketHooks(null), PortChoiceTest.choice(Map.of(), Map.of()),
                new NativePorts(() -> listening, before, 0), null, 0);
        for (long now = 0; now <= 10 * SECOND; now += SECOND) {
            assertNull(watch.step(now), "jmx_exporter's port, say, opened by an agent given before this one");
        }
        listening.add(new InetSocketAddress("0.0.0.0", 8080));

        assertEquals(8080, watch.step(11 * SECOND).port());
        assertTrue(lines.toString().contains(
                "DEBUG port 9404 listens before the app's main (JDWP's, or an earlier agent's): never registered"),
                lines.toString());
    }

    @Test
    void aJdkBindWhoseEventComesInWhileTheSocketsAreReadIsTakenAsTheHooksSawIt() throws Exception {
        SocketHooks hooks = new SocketHooks(null);
        ServerSocketChannel admin = unbound();
        List<InetSocketAddress> listening = new ArrayList<>();
        // The app binds while the agent reads /proc: its event is queued, its socket already listens.
        NativePorts.Source racing = () -> {
            hooks.events().add(binding(admin, NativePorts.UNHINTED_AFTER_NANOS));
            listening.add(new InetSocketAddress("0.0.0.0", bind(admin)));
            return listening;
        };
        PortWatch watch = new PortWatch(hooks, PortChoiceTest.choice(Map.of(), Map.of()),
                new NativePorts(racing, Set.of(), 0), null, 0);

        assertNull(watch.step(NativePorts.UNHINTED_AFTER_NANOS), "not taken as a port bound in native code");
        for (SocketEvent event = hooks.events().poll(); event != null; event = hooks.events().poll()) {
            watch.handle(event);
        }
        assertNull(watch.step(NativePorts.UNHINTED_AFTER_NANOS + 1), "a JDK port: registered once it accepts");
        assertTrue(lines.toString().isEmpty(), lines.toString());
    }

    @Test
    void whereTheSocketsCannotBeReadANativeTransportGetsOneLineNamingTheSettingsAtOnce() throws Exception {
        PortWatch watch = watch(() -> {
            throw new IOException("/proc/self/net/tcp: no such file");
        });
        watch.handle(new SocketEvent(SocketEvent.Kind.NATIVE_TRANSPORT, EPOLL, null, "main", false, SECOND));
        assertNull(watch.step(SECOND));
        assertNull(watch.step(5 * SECOND));

        assertEquals("[eureka-agent] the app loaded " + EPOLL + ", which binds its ports in native code, out of the"
                + " agent's sight; the process's listening sockets cannot be read here either (java.io.IOException:"
                + " /proc/self/net/tcp: no such file): set eureka.instance.non-secure-port to the app's port and"
                + " eureka.agent.register-on=port-open\n", lines.toString());
    }

    @Test
    void withoutANativeTransportTheSocketsAreReadOnlyWhileNoJdkPortIsBound() throws Exception {
        PortWatch watch = watch(noneListening());
        assertNull(watch.step(NativePorts.UNHINTED_AFTER_NANOS - 1));
        assertEquals(List.of(), looked, "not in the first seconds of a start");
        assertNull(watch.step(NativePorts.UNHINTED_AFTER_NANOS));
        assertEquals(List.of("looked"), looked);

        ServerSocketChannel channel = unbound();
        watch.handle(binding(channel, NativePorts.UNHINTED_AFTER_NANOS));
        bind(channel);
        for (long now = 4 * SECOND; now < 40 * SECOND; now += SECOND) {
            assertNull(watch.step(now));
        }
        assertEquals(List.of("looked"), looked, "a JDK port is bound: the app uses the JDK's sockets");
    }

    @Test
    void aSlowStartWithABoundPortIsNotWarnedAboutButAnAppThatBindsNothingGetsOneLineAfterAMinute()
            throws Exception {
        PortWatch tomcat = watch(noneListening());
        ServerSocketChannel connector = unbound();
        tomcat.handle(binding(connector, 1));
        bind(connector);
        for (long now = SECOND; now <= 120 * SECOND; now += 5 * SECOND) {
            assertNull(tomcat.step(now));
        }
        assertEquals("", lines.toString(), "bound and deploying: a normal slow start");

        PortWatch idle = watch(noneListening());
        for (long now = SECOND; now <= 120 * SECOND; now += 5 * SECOND) {
            assertNull(idle.step(now));
        }
        assertTrue(lines.toString().startsWith("[eureka-agent] the app has bound no port to register in 61 s;"),
                lines.toString());
        assertEquals(1, lines.toString().lines().count());
    }
}
