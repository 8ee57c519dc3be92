package io.eurekaagent.readiness;

import io.eurekaagent.config.ReadinessSettings;
import java.lang.instrument.Instrumentation;
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
        switch (config.registerOn()) {
            case START:
                return new Readiness() {
                    @Override
                    public ServingPort await(BooleanSupplier stop) {
                        return ServingPort.NONE;
                    }
                };
            case PORT_OPEN:
                return portOpen(config, ipAddress);
            default:
                if (attachedLate) {
                    return new AttachedReadiness(config, portOpen(config, ipAddress));
                }
                return ListenDetector.install(instrumentation, PortChoice.of(config, System.getProperties()),
                        portOpen(config, ipAddress));
        }
    }

    private static Readiness portOpen(ReadinessSettings config, String ipAddress) {
        return new PortOpenProbe(config.servingPort().port(), ipAddress);
    }
}
