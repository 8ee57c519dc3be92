package io.eurekaagent.readiness;

import io.eurekaagent.config.Catalog;
import io.eurekaagent.config.ReadinessSettings;
import java.lang.instrument.Instrumentation;
import java.util.Set;
import java.util.function.BooleanSupplier;

/** Picks how readiness is seen, from {@code eureka.agent.register-on}, and installs what that needs. */
public final class ReadinessSetup {
    private ReadinessSetup() {
    }

    /**
     * Runs in premain: the socket hooks must be in place before the app's first bind.
     * @param ipAddress the configured address, or null: where {@code port-open} probes
     */
    public static Readiness install(ReadinessSettings config, String ipAddress, Instrumentation instrumentation,
            boolean attachedLate) {
        switch (config.get(Catalog.REGISTER_ON)) {
            case START:
                return new Readiness() {
                    @Override
                    public ReadyPort await(BooleanSupplier stop, Waiting waiting) {
                        waiting.appListens();
                        return ReadyPort.NONE;
                    }
                };
            case PORT_OPEN:
                return portOpen(config, ipAddress);
            default:
                if (attachedLate) {
                    return new AttachedReadiness(config, portOpen(config, ipAddress));
                }
                // The ports listening already, read here rather than on the agent's thread: where an earlier agent
                // loaded the socket classes, the app's first bind does not wait for the hooks, and must not count.
                return new Watch(SocketHooks.install(instrumentation), config, ipAddress, System.nanoTime(),
                        NativePorts.listeningNow(ListeningSockets.PROC));
        }
    }

    /** Only the hooks in premain; the watch itself is made on the agent's thread. */
    private static final class Watch implements Readiness {
        private final SocketHooks hooks;
        private final ReadinessSettings config;
        private final String ipAddress;
        private final long started;
        private final Set<Integer> listeningBefore;
        private PortWatch watch;

        Watch(SocketHooks hooks, ReadinessSettings config, String ipAddress, long started,
                Set<Integer> listeningBefore) {
            this.hooks = hooks;
            this.config = config;
            this.ipAddress = ipAddress;
            this.started = started;
            this.listeningBefore = listeningBefore;
        }

        @Override
        public void prepare() {
            watch = new PortWatch(hooks, PortChoice.of(config, System.getProperties()),
                    new NativePorts(ListeningSockets.PROC, listeningBefore, started), portOpen(config, ipAddress),
                    started);
            watch.prepare();
        }

        @Override
        public ReadyPort await(BooleanSupplier stop, Waiting waiting) {
            ReadyPort serving = watch.await(stop, waiting);
            // WildFly accepts before it serves; the other servers tried accept once they serve (docs/servers.md).
            return serving != null && WildFlyBoot.isWildFly() ? WildFlyBoot.awaitServing(serving, stop) : serving;
        }
    }

    private static Readiness portOpen(ReadinessSettings config, String ipAddress) {
        return new PortOpenProbe(config.portPlan().port(), ipAddress);
    }
}
