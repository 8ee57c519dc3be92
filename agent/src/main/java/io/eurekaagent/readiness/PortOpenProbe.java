package io.eurekaagent.readiness;

import io.eurekaagent.log.AgentLog;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * "The app has started" = its port accepts TCP connections. Polled from the agent's thread: every 50 ms for the
 * first 10 s (so registration follows the bind closely), then every 500 ms so an app that never listens costs nothing.
 */
public final class PortOpenProbe implements Readiness {
    private static final int CONNECT_TIMEOUT_MS = 200;
    private static final long FAST_PHASE_MS = 10_000;
    private static final long WARN_AFTER_MS = 30_000;

    private final int port;
    private final Set<String> hosts = new LinkedHashSet<>();

    /** Tries loopback (apps bound to all interfaces), then the configured address if any (apps bound to it only). */
    public PortOpenProbe(int port, String configuredAddress) {
        this.port = port;
        hosts.add("127.0.0.1");
        if (configuredAddress != null) {
            hosts.add(configuredAddress);
        }
    }

    /** Waits until the port accepts a connection: returns it, or null once {@code stop} says so first. */
    @Override
    public ReadyPort await(BooleanSupplier stop, Waiting waiting) {
        waiting.appListens();
        waiting.appStarting();
        long start = System.nanoTime();
        boolean warned = false;
        AgentLog.debug("waiting for port " + port + " to accept connections on " + hosts);
        while (!stop.getAsBoolean()) {
            if (accepts()) {
                AgentLog.info("port " + port + " accepts connections; registering it");
                return new ReadyPort(port, "it accepts connections", System.nanoTime(), 0);
            }
            long waitedMs = (System.nanoTime() - start) / 1_000_000;
            if (!warned && waitedMs >= WARN_AFTER_MS) {
                warned = true;
                AgentLog.warn("port " + port + " still refuses connections after " + waitedMs / 1000
                        + " s; registering once it listens (is eureka.instance.non-secure-port right?)");
            }
            try {
                Thread.sleep(waitedMs < FAST_PHASE_MS ? 50 : 500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    private boolean accepts() {
        for (String host : hosts) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
                return true;
            } catch (IOException | IllegalArgumentException e) {
                // not listening there (yet)
            }
        }
        return false;
    }
}
