package io.eurekaagent.readiness;

import io.eurekaagent.config.AgentConfig;
import io.eurekaagent.log.AgentLog;
import java.lang.instrument.Instrumentation;
import java.util.function.BooleanSupplier;

/** Picks how readiness is seen, from {@code eureka.agent.register-on}, and installs what that needs. */
public final class ReadinessSetup {
    private ReadinessSetup() {
    }

    /** Runs in premain: the bind hooks must be in place before the app's first bind. */
    public static Readiness install(AgentConfig config, Instrumentation instrumentation, boolean attachedLate) {
        switch (config.registerOn()) {
            case START:
                return new Readiness() {
                    @Override
                    public int await(BooleanSupplier stop) {
                        return NO_PORT;
                    }
                };
            case PORT_OPEN:
                return portOpen(config);
            default:
                if (attachedLate) {
                    AgentLog.info("attached to a running JVM, whose ports are bound already: registering once port "
                            + servingPort(config) + " accepts connections");
                    return portOpen(config);
                }
                return BindDetector.install(instrumentation, PortChoice.of(config, System.getProperties()), portOpen(config));
        }
    }

    private static Readiness portOpen(AgentConfig config) {
        return new PortOpenProbe(servingPort(config), config.ipAddress());
    }

    private static int servingPort(AgentConfig config) {
        return config.nonSecurePortEnabled() ? config.nonSecurePort() : config.securePort();
    }
}
