package io.eurekaagent.readiness;

import io.eurekaagent.config.AgentConfig;
import io.eurekaagent.log.AgentLog;
import java.lang.instrument.Instrumentation;
import java.util.function.BooleanSupplier;

/** Picks how readiness is seen, from {@code eureka.agent.register-on}, and installs what that needs. */
public final class ReadinessSetup {
    private ReadinessSetup() {
    }

    /** Runs in premain: the socket hooks must be in place before the app's first bind. */
    public static Readiness install(AgentConfig config, Instrumentation instrumentation, boolean attachedLate) {
        switch (config.registerOn()) {
            case START:
                return new Readiness() {
                    @Override
                    public ServingPort await(BooleanSupplier stop) {
                        return ServingPort.NONE;
                    }
                };
            case PORT_OPEN:
                return portOpen(config);
            default:
                if (attachedLate) {
                    AgentLog.info("attached to a running JVM, whose ports are bound already: registering once port "
                            + config.servingPort().port() + " accepts connections");
                    return portOpen(config);
                }
                return ListenDetector.install(instrumentation, PortChoice.of(config, System.getProperties()), portOpen(config));
        }
    }

    private static Readiness portOpen(AgentConfig config) {
        return new PortOpenProbe(config.servingPort().port(), config.ipAddress());
    }
}
