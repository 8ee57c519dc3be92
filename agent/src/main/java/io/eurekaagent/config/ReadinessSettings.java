package io.eurekaagent.config;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** When the instance is registered, on which port, and whether its status follows the app's health URL. */
public final class ReadinessSettings {
    /** When the instance is registered: {@code eureka.agent.register-on}. */
    public enum RegisterOn {
        /**
         * When the app starts accepting connections on its port (a blocking accept, or a selector's accept interest).
         */
        ACCEPT,
        /**
         * When the app binds its port (seen inside the JDK's bind methods): for servers that accept late on purpose.
         */
        BIND,
        /** When the configured port accepts TCP connections (polled), for servers whose binds the hooks cannot see. */
        PORT_OPEN,
        /** Right after premain, with no port: for apps that serve none. */
        START
    }

    private RegisterOn registerOn;
    private int nonSecurePort;
    private boolean nonSecurePortConfigured;
    private boolean nonSecurePortEnabled;
    private int securePort;
    private boolean securePortConfigured;
    private boolean securePortEnabled;
    private boolean healthCheckEnabled;
    private Duration healthCheckInterval;
    private final Map<Integer, String> managementPorts = new HashMap<>();

    private ReadinessSettings() {
    }

    /** @param renewalIntervalSeconds the health check's default interval */
    static ReadinessSettings read(SettingReader r, int renewalIntervalSeconds) {
        ReadinessSettings s = new ReadinessSettings();
        s.registerOn = r.choice(Catalog.REGISTER_ON, RegisterOn.values());
        s.nonSecurePort = r.port(Catalog.NON_SECURE_PORT);
        s.nonSecurePortConfigured = r.raw(Catalog.NON_SECURE_PORT) != null;
        s.nonSecurePortEnabled = r.bool(Catalog.NON_SECURE_PORT_ENABLED);
        s.securePort = r.port(Catalog.SECURE_PORT);
        s.securePortConfigured = r.raw(Catalog.SECURE_PORT) != null;
        s.securePortEnabled = r.bool(Catalog.SECURE_PORT_ENABLED);
        if (!s.nonSecurePortEnabled && !s.securePortEnabled && s.registerOn != RegisterOn.START) {
            r.problem(r.firstSet(Catalog.NON_SECURE_PORT_ENABLED), "true, or eureka.instance.secure-port-enabled=true:"
                    + " one port must be enabled");
        }
        s.managementPort(r.foreignPort(Catalog.MANAGEMENT_PORT), Catalog.MANAGEMENT_PORT);
        if (r.bool(Catalog.QUARKUS_MANAGEMENT_ENABLED)) {
            s.managementPort(r.foreignPort(Catalog.QUARKUS_MANAGEMENT_PORT), Catalog.QUARKUS_MANAGEMENT_PORT);
        }
        s.managementPort(r.foreignPort(Catalog.MICRONAUT_MANAGEMENT_PORT), Catalog.MICRONAUT_MANAGEMENT_PORT);
        s.healthCheckEnabled = r.bool(Catalog.HEALTH_CHECK_ENABLED);
        s.healthCheckInterval = Duration.ofSeconds(r.integer(Catalog.HEALTH_CHECK_INTERVAL, renewalIntervalSeconds));
        return s;
    }

    private void managementPort(int port, Key key) {
        if (port > 0) {
            managementPorts.putIfAbsent(port, key.name());
        }
    }

    public RegisterOn registerOn() { return registerOn; }
    public int nonSecurePort() { return nonSecurePort; }
    public boolean nonSecurePortEnabled() { return nonSecurePortEnabled; }
    public int securePort() { return securePort; }
    public boolean securePortEnabled() { return securePortEnabled; }
    /** Whether the instance's status follows its health URL (it registers as STARTING). */
    public boolean healthCheckEnabled() { return healthCheckEnabled; }
    /** How often the health URL is checked once the instance is UP. */
    public Duration healthCheckInterval() { return healthCheckInterval; }

    /** Ports a framework's setting names as its management ones, with that setting: never the serving port. */
    public Map<Integer, String> managementPorts() { return managementPorts; }

    /** The port callers use, as configured or to be detected. */
    public PortPlan portPlan() {
        return nonSecurePortEnabled ? new PortPlan(false, nonSecurePort, nonSecurePortConfigured)
                : new PortPlan(true, securePort, securePortConfigured);
    }
}
