package io.eurekaagent.readiness;

import io.eurekaagent.log.AgentLog;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The ports the app listens on that no hook saw being bound: Netty's epoll and io_uring transports (and any JNI
 * server) bind and accept in C. They are found the way an attached agent finds every port, among the process's
 * listening sockets ({@link ListeningSockets}). Looked for every 100 ms once a native transport's class has loaded;
 * otherwise only while the hooks have seen no candidate at all, from 3 s after start, every second, then every 10 s
 * after a minute. Where the sockets cannot be read (not Linux), a native transport gets one line naming the settings
 * that register it instead. Ports listening before the app's main ran are never the app's: JDWP's, or an earlier
 * agent's (Jolokia's, jmx_exporter's HTTP port).
 */
final class NativePorts {
    static final long HINTED_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    static final long UNHINTED_AFTER_NANOS = TimeUnit.SECONDS.toNanos(3);
    private static final long UNHINTED_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long SLOWER_AFTER_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final long SLOWER_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** The process's listening TCP sockets. */
    interface Source {
        List<InetSocketAddress> listening() throws IOException;
    }

    private final Source source;
    private final Set<Integer> before;
    private final long started;
    private String transport;
    private long transportNanos;
    private long nextScan;
    private boolean unreadable;

    /** @param before the ports listening before the app's main ran ({@link #listeningNow}) */
    NativePorts(Source source, Set<Integer> before, long started) {
        this.source = source;
        this.before = before;
        this.started = started;
        this.nextScan = started + UNHINTED_AFTER_NANOS;
    }

    /**
     * In premain, before the app's main: the ports listening already, each said in debug; none where they cannot be
     * read (a native transport is told of that when it loads).
     */
    static Set<Integer> listeningNow(Source source) {
        Set<Integer> ports = new HashSet<>();
        try {
            for (InetSocketAddress address : source.listening()) {
                if (ports.add(address.getPort())) {
                    AgentLog.debug("port " + address.getPort() + " listens before the app's main (JDWP's, or an"
                            + " earlier agent's): never registered");
                }
            }
        } catch (IOException | RuntimeException e) {
            // said if it matters, when a native transport loads
        }
        return ports;
    }

    /** A native transport's server channel class loaded: look now, and often. */
    void transport(String className, long now) {
        if (transport == null) {
            transport = className;
            transportNanos = now;
            nextScan = now;
        }
    }

    /**
     * The listening sockets, when it is time to look ({@code hookedCandidates}: the hooks have seen a candidate,
     * and no native transport is loaded: no need), else an empty list.
     */
    List<InetSocketAddress> lookIfDue(long now, boolean hookedCandidates) {
        if (unreadable || now - nextScan < 0 || transport == null && hookedCandidates) {
            return List.of();
        }
        long since = transport != null ? now - transportNanos : now - started;
        nextScan = now + (transport != null && since < SLOWER_AFTER_NANOS ? HINTED_EVERY_NANOS
                : since < SLOWER_AFTER_NANOS ? UNHINTED_EVERY_NANOS : SLOWER_EVERY_NANOS);
        try {
            List<InetSocketAddress> listening = new ArrayList<>();
            for (InetSocketAddress address : source.listening()) {
                if (!before.contains(address.getPort())) {
                    listening.add(address);
                }
            }
            return listening;
        } catch (IOException | RuntimeException e) {
            unreadable = true;
            if (transport != null) {
                AgentLog.info("the app loaded " + transport + ", which binds its ports in native code, out of the"
                        + " agent's sight; the process's listening sockets cannot be read here either (" + e
                        + "): set eureka.instance.non-secure-port to the app's port and"
                        + " eureka.agent.register-on=port-open");
            } else {
                AgentLog.debug("cannot read the process's listening sockets: " + e);
            }
            return List.of();
        }
    }

    /** The native transport whose binds these are, for the log line: "found listening, bound by ...". */
    String how() {
        return transport == null ? "found listening (bound outside the JDK's socket classes)"
                : "found listening (bound in native code: " + transport + ")";
    }
}
