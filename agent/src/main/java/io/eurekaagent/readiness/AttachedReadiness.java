package io.eurekaagent.readiness;

import io.eurekaagent.config.ReadinessSettings;
import io.eurekaagent.log.AgentLog;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Readiness of an app the agent was attached to while it runs: its binds are in the past, so the ports it listens
 * on now stand for them, each taken as bound and serving, the lowest first, under the rules of a start
 * ({@link PortChoice}: loopback-only and JMX ports never, TLS-looking ones last, the configured port only). Where the
 * sockets cannot be read (not Linux), the configured port is polled instead.
 */
final class AttachedReadiness implements Readiness {
    private static final long POLL_MS = 500;

    private final ReadinessSettings config;
    private final Readiness fallback;

    AttachedReadiness(ReadinessSettings config, Readiness fallback) {
        this.config = config;
        this.fallback = fallback;
    }

    @Override
    public ReadyPort await(BooleanSupplier stop, Waiting waiting) {
        waiting.appListens();
        boolean said = false;
        while (!stop.getAsBoolean()) {
            List<InetSocketAddress> listening;
            try {
                listening = new ArrayList<>(ListeningSockets.ofThisProcess());
            } catch (IOException | RuntimeException e) {
                AgentLog.info("attached to a running JVM whose sockets cannot be read here (" + e
                        + "): registering once port " + config.portPlan().port() + " accepts connections");
                return fallback.await(stop, waiting);
            }
            ReadyPort serving = choose(listening);
            if (serving != null) {
                AgentLog.info("registering port " + serving.port() + ", " + serving.how());
                return serving;
            }
            if (!said) {
                said = true;
                AgentLog.info("attached to a running JVM that listens on no port to register yet " + ports(listening)
                        + "; registering once it does");
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    private ReadyPort choose(List<InetSocketAddress> listening) {
        PortChoice choice = PortChoice.forListening(config, System.getProperties());
        for (InetSocketAddress address : listening) {
            // No moment of readiness to measure from: 0 keeps "N ms after the app listened" out of the log.
            choice.listening(address, "listening when the agent was attached", PortThreads.naming(address.getPort()),
                    0);
        }
        // Every port is there at once: no other will be bound while a lesser one waits.
        return choice.decide(PortChoice.BETTER_WAIT_NANOS);
    }

    private static List<Integer> ports(List<InetSocketAddress> listening) {
        List<Integer> ports = new ArrayList<>();
        for (InetSocketAddress address : listening) {
            ports.add(address.getPort());
        }
        return ports;
    }
}
