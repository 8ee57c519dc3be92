package io.eurekaagent.config;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
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

    private final SectionValues values;
    private boolean nonSecurePortConfigured;
    private boolean securePortConfigured;
    private Duration healthCheckInterval;
    private final Map<Integer, String> managementPorts = new HashMap<>();

    private ReadinessSettings(SectionValues values) {
        this.values = values;
    }

    /** @param renewalIntervalSeconds the health check's default interval */
    static ReadinessSettings read(SettingReader r, int renewalIntervalSeconds) {
        ReadinessSettings s = new ReadinessSettings(
                new SectionValues(r, Catalog.Section.READINESS, List.of(Catalog.HEALTH_CHECK_INTERVAL)));
        s.nonSecurePortConfigured = r.isSet(Catalog.NON_SECURE_PORT);
        s.securePortConfigured = r.isSet(Catalog.SECURE_PORT);
        if (!s.get(Catalog.NON_SECURE_PORT_ENABLED) && !s.get(Catalog.SECURE_PORT_ENABLED)
                && s.get(Catalog.REGISTER_ON) != RegisterOn.START) {
            r.problem(r.firstSet(Catalog.NON_SECURE_PORT_ENABLED), "true, or eureka.instance.secure-port-enabled=true:"
                    + " one port must be enabled");
        }
        s.managementPort(r.get(Catalog.MANAGEMENT_PORT), Catalog.MANAGEMENT_PORT);
        if (s.get(Catalog.QUARKUS_MANAGEMENT_ENABLED)) {
            s.managementPort(s.get(Catalog.QUARKUS_MANAGEMENT_PORT), Catalog.QUARKUS_MANAGEMENT_PORT);
        }
        s.managementPort(s.get(Catalog.MICRONAUT_MANAGEMENT_PORT), Catalog.MICRONAUT_MANAGEMENT_PORT);
        s.healthCheckInterval = Duration.ofSeconds(r.get(Catalog.HEALTH_CHECK_INTERVAL, renewalIntervalSeconds));
        return s;
    }

    private void managementPort(int port, Key<Integer> key) {
        if (port > 0) {
            managementPorts.putIfAbsent(port, key.name());
        }
    }

    /** One of the section's values ({@link SectionValues#get}). */
    public <T> T get(Key<T> key) {
        return values.get(key);
    }

    /** How often the health URL is checked once the instance is UP. */
    public Duration healthCheckInterval() { return healthCheckInterval; }

    /** Ports a framework's setting names as its management ones, with that setting: never the serving port. */
    public Map<Integer, String> managementPorts() { return managementPorts; }

    /** The port callers use, as configured or to be detected. */
    public PortPlan portPlan() {
        return get(Catalog.NON_SECURE_PORT_ENABLED)
                ? new PortPlan(false, get(Catalog.NON_SECURE_PORT), nonSecurePortConfigured)
                : new PortPlan(true, get(Catalog.SECURE_PORT), securePortConfigured);
    }
}
