package io.eurekaagent.config;

import io.eurekaagent.log.LogFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The agent's validated settings: its own switches here, the rest in one part per concern, each consumer taking
 * only its part. Sources, highest first: agent arguments, system properties, environment variables, the file named
 * by {@code eureka.agent.config-file}, the Netflix client's {@code eureka-client.properties} on the class path, the
 * Netflix client's names for settings ({@link NetflixNames}), a Spring Boot jar's own application.properties and
 * .yml ({@link BootJarFiles}), the defaults of {@link Catalog}.
 */
public final class AgentConfig {
    private AgentMode mode;
    private boolean debug;
    private LogFormat logFormat;
    private boolean failFast;
    private Duration shutdownTimeout;
    private Duration shutdownDrain;
    private boolean unregisterOnShutdown;
    private List<String> warnings = List.of();
    private List<String> inEffect = List.of();
    private ServerSettings servers;
    private InstanceSettings instance;
    private ReadinessSettings readiness;
    private DiscoverySettings discovery;
    private Set<Key<?>> keysRead;

    private AgentConfig() {
    }

    /** Reads and validates every setting; all problems are reported together. */
    public static AgentConfig load(String agentArguments, Properties systemProperties, Map<String, String> env)
            throws InvalidSettingException {
        List<String> problems = new ArrayList<>();
        Map<String, String> arguments = Map.of();
        try {
            arguments = AgentArguments.parse(agentArguments);
        } catch (InvalidSettingException e) {
            problems.addAll(e.problems());
        }
        Map<String, String> properties = new TreeMap<>();
        for (String name : systemProperties.stringPropertyNames()) {
            properties.put(name, systemProperties.getProperty(name));
        }
        LayeredSettings settings = new LayeredSettings(List.of(
                ConfigSource.properties("agent argument", arguments),
                ConfigSource.properties("system property", properties),
                ConfigSource.environment(env)));
        Setting file = settings.get(Catalog.CONFIG_FILE.name());
        if (file != null) {
            try {
                settings = settings.withLowest(ConfigFile.read(file));
            } catch (InvalidSettingException e) {
                problems.addAll(e.problems());
            }
        }
        List<String> lines = new ArrayList<>();
        settings = BootJarFiles.addTo(NetflixNames.addTo(settings, lines), systemProperties, env, lines);
        SettingReader reader = new SettingReader(settings);
        for (String line : lines) {
            reader.warning(line);
        }
        AgentConfig config = new AgentConfig();
        config.read(reader);
        problems.addAll(reader.problems());
        config.warnings = reader.warnings();
        config.keysRead = reader.keysRead();
        config.inEffect = reader.inEffect();
        config.warnings.addAll(AgentArguments.warnings(agentArguments));
        if (!problems.isEmpty()) {
            throw new InvalidSettingException(problems, config.failFast);
        }
        return config;
    }

    private void read(SettingReader r) {
        boolean enabled = r.get(Catalog.ENABLED);
        debug = r.get(Catalog.DEBUG);
        logFormat = r.get(Catalog.LOG_FORMAT);
        failFast = r.get(Catalog.FAIL_FAST);
        if (!enabled) {
            mode = AgentMode.OFF;
            return;
        }
        shutdownTimeout = Duration.ofMillis(r.get(Catalog.SHUTDOWN_TIMEOUT));
        shutdownDrain = Duration.ofSeconds(r.get(Catalog.SHUTDOWN_DRAIN));
        unregisterOnShutdown = r.get(Catalog.UNREGISTER_ON_SHUTDOWN);
        if (!unregisterOnShutdown && !shutdownDrain.isZero()) {
            r.warning("eureka.agent.shutdown-drain-seconds=" + shutdownDrain.getSeconds() + " has no effect with"
                    + " eureka.client.should-unregister-on-shutdown=false: the instance stays registered at exit");
            shutdownDrain = Duration.ZERO;
        }
        boolean registerWithEureka = r.get(Catalog.REGISTER_WITH_EUREKA);
        mode = registerWithEureka ? AgentMode.REGISTER : AgentMode.CONSUMER_ONLY;
        instance = InstanceSettings.read(r);
        servers = ServerSettings.read(r, instance.get(Catalog.METADATA));
        readiness = ReadinessSettings.read(r, instance.get(Catalog.LEASE_RENEWAL_INTERVAL));
        discovery = DiscoverySettings.read(r);
        if (!registerWithEureka && !discovery.get(Catalog.FETCH_REGISTRY)) {
            r.warning("eureka.client.register-with-eureka=false and no eureka.client.fetch-registry=true: the agent has"
                    + " nothing to do");
        }
        r.raw(Catalog.CONFIG_FILE);
        r.warnAboutTypos();
    }

    public AgentMode mode() { return mode; }
    public boolean debug() { return debug; }
    public LogFormat logFormat() { return logFormat; }
    /** A bad setting stops the JVM instead of turning the agent off. */
    public boolean failFast() { return failFast; }
    /** The most deregistration may add to JVM exit. */
    public Duration shutdownTimeout() { return shutdownTimeout; }
    /** False: the instance stays registered at exit (Spring Cloud's should-unregister-on-shutdown). */
    public boolean unregisterOnShutdown() { return unregisterOnShutdown; }
    /** How long the app keeps serving after SIGTERM, out of Eureka; zero: no drain. */
    public Duration shutdownDrain() { return shutdownDrain; }
    /** Lines worth showing that do not stop the agent (likely typos, settings without effect). */
    public List<String> warnings() { return warnings; }
    /** The settings given that differ from their defaults: {@code name=value (source)}, secrets masked. */
    public List<String> inEffect() { return inEffect; }
    public ServerSettings servers() { return servers; }
    public InstanceSettings instance() { return instance; }
    public ReadinessSettings readiness() { return readiness; }
    public DiscoverySettings discovery() { return discovery; }
    /** The keys looked at (CatalogTest: every declared key is read somewhere). */
    Set<Key<?>> keysRead() { return keysRead; }

}
