package io.eurekaagent.readiness;

import io.eurekaagent.config.AgentConfig;
import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;

/**
 * Which bind is the app's serving port. Apps bind several (management, JMX, debug): the configured port when there
 * is one, else the first TCP port bound on a wildcard or non-loopback address. Loopback-only binds cannot serve other
 * hosts, and the JMX ports named in the system properties are never the serving port.
 */
public final class PortChoice {
    private final int wanted;
    private final String wantedKey;
    private final Set<Integer> jmxPorts;

    PortChoice(int wanted, String wantedKey, Set<Integer> jmxPorts) {
        this.wanted = wanted;
        this.wantedKey = wantedKey;
        this.jmxPorts = Set.copyOf(jmxPorts);
    }

    public static PortChoice of(AgentConfig config, Properties systemProperties) {
        Set<Integer> jmx = new HashSet<>();
        for (String key : new String[] {"com.sun.management.jmxremote.port", "com.sun.management.jmxremote.rmi.port"}) {
            try {
                jmx.add(Integer.parseInt(systemProperties.getProperty(key, "").trim()));
            } catch (NumberFormatException e) {
                // not set
            }
        }
        if (config.nonSecurePortEnabled()) {
            return new PortChoice(config.nonSecurePortConfigured() ? config.nonSecurePort() : 0,
                    "eureka.instance.non-secure-port", jmx);
        }
        return new PortChoice(config.securePortConfigured() ? config.securePort() : 0, "eureka.instance.secure-port", jmx);
    }

    /** Null when this bind is the serving port, else why not. */
    String reject(InetSocketAddress bound) {
        if (bound.getAddress() != null && bound.getAddress().isLoopbackAddress()) {
            return "loopback only";
        }
        if (wanted > 0 && bound.getPort() != wanted) {
            return "not " + wantedKey + " (" + wanted + ")";
        }
        if (jmxPorts.contains(bound.getPort())) {
            return "a JMX port";
        }
        return null;
    }

    /** Why an accepted bind was chosen. */
    String reason() {
        return wanted > 0 ? "the configured " + wantedKey : "the first port the app bound on a non-loopback address";
    }
}
