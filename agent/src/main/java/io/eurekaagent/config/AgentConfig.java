package io.eurekaagent.config;

import io.eurekaagent.client.EurekaProxy;
import io.eurekaagent.client.ServiceUrl;
import io.eurekaagent.client.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * The agent's validated settings. Names follow Spring Cloud Netflix; sources, highest first: agent arguments,
 * system properties, environment variables, the file named by {@code eureka.agent.config-file}, defaults.
 * The full list with defaults is in README.md.
 */
public final class AgentConfig {
    static final String DEFAULT_SERVICE_URL = "http://localhost:8761/eureka/";
    private static final String[] APP_NAME_KEYS = {"eureka.instance.appname", "spring.application.name",
        "quarkus.application.name", "micronaut.application.name"};

    /** When the instance is registered: {@code eureka.agent.register-on}. */
    public enum RegisterOn {
        /** When the app starts accepting connections on its port (a blocking accept, or a selector's accept interest). */
        ACCEPT,
        /** When the app binds its port (seen inside the JDK's bind methods): for servers that accept late on purpose. */
        BIND,
        /** When the configured port accepts TCP connections (polled), for servers whose binds the hooks cannot see. */
        PORT_OPEN,
        /** Right after premain, with no port: for apps that serve none. */
        START
    }

    private boolean enabled;
    private boolean debug;
    private boolean failFast;
    private Duration shutdownTimeout;
    private Duration connectTimeout;
    private Duration readTimeout;
    private List<ServiceUrl> serviceUrls;
    private Duration serverQuarantine;
    private SSLContext tlsContext;
    private Transport.Kind httpClient;
    private EurekaProxy proxy;
    private List<String> warnings = List.of();
    private String appName;
    private String instanceId;
    private String hostname;
    private String ipAddress;
    private boolean preferIpAddress;
    private List<Pattern> ignoredInterfaces;
    private List<Pattern> preferredNetworks;
    private RegisterOn registerOn;
    private boolean healthCheckEnabled;
    private int healthCheckIntervalSeconds;
    private int nonSecurePort;
    private boolean nonSecurePortConfigured;
    private boolean nonSecurePortEnabled;
    private int securePort;
    private boolean securePortConfigured;
    private boolean securePortEnabled;
    private String virtualHostName;
    private String secureVirtualHostName;
    private int leaseRenewalIntervalSeconds;
    private int leaseExpirationDurationSeconds;
    private Map<String, String> metadata;
    private String homePageUrlPath;
    private String statusPageUrlPath;
    private String healthCheckUrlPath;
    private String managementBasePath;
    private int managementPort;
    private String homePageUrl;
    private String statusPageUrl;
    private String healthCheckUrl;
    private String secureHealthCheckUrl;
    private boolean fetchRegistry;
    private boolean registerWithEureka;
    private int registryFetchIntervalSeconds;
    private boolean filterOnlyUpInstances;
    private boolean resolveServiceUrls;

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
        Setting file = settings.get("eureka.agent.config-file");
        if (file != null) {
            try {
                settings = settings.withLowest(ConfigFile.read(file));
            } catch (InvalidSettingException e) {
                problems.addAll(e.problems());
            }
        }
        SettingReader reader = new SettingReader(settings);
        AgentConfig config = new AgentConfig();
        config.read(reader);
        problems.addAll(reader.problems());
        config.warnings = reader.warnings();
        config.warnings.addAll(AgentArguments.warnings(agentArguments));
        if (!problems.isEmpty()) {
            throw new InvalidSettingException(problems, config.failFast);
        }
        return config;
    }

    private void read(SettingReader r) {
        enabled = r.bool("eureka.client.enabled", true);
        debug = r.bool("eureka.agent.debug", false);
        failFast = r.bool("eureka.agent.fail-fast", false);
        if (!enabled) {
            return;
        }
        shutdownTimeout = Duration.ofMillis(r.integer("eureka.agent.shutdown-timeout-ms", 2000, 0, 60_000, "of milliseconds "));
        connectTimeout = Duration.ofSeconds(r.integer("eureka.client.eureka-server-connect-timeout-seconds", 5, 1, 300, "of seconds "));
        readTimeout = Duration.ofSeconds(r.integer("eureka.client.eureka-server-read-timeout-seconds", 8, 1, 300, "of seconds "));
        serverQuarantine = Duration.ofSeconds(r.integer("eureka.agent.server-quarantine-seconds", 60, 1, 3600, "of seconds "));
        httpClient = r.choice("eureka.agent.http-client", Transport.Kind.class, Transport.Kind.URL_CONNECTION);
        // TlsSettings only when a TLS key is set: loading and verifying it costs premain milliseconds.
        tlsContext = r.raw("eureka.client.tls.enabled") != null || r.raw("eureka.client.tls.key-store") != null
                || r.raw("eureka.client.tls.trust-store") != null ? TlsSettings.read(r) : null;

        // The first of these that is set names the app, each in its framework's own spelling.
        for (String key : APP_NAME_KEYS) {
            if (appName == null && r.raw(key) != null) {
                appName = r.name(key, "an application name");
                break;
            }
        }
        instanceId = r.segment("eureka.instance.instance-id", "an instance id");
        hostname = r.host("eureka.instance.hostname");
        ipAddress = r.ipAddress("eureka.instance.ip-address");
        preferIpAddress = r.bool("eureka.instance.prefer-ip-address", false);
        ignoredInterfaces = r.patterns("spring.cloud.inetutils.ignored-interfaces");
        preferredNetworks = r.patterns("spring.cloud.inetutils.preferred-networks");

        registerOn = r.choice("eureka.agent.register-on", RegisterOn.class, RegisterOn.ACCEPT);
        nonSecurePort = r.port("eureka.instance.non-secure-port", 8080);
        nonSecurePortConfigured = r.raw("eureka.instance.non-secure-port") != null;
        nonSecurePortEnabled = r.bool("eureka.instance.non-secure-port-enabled", true);
        securePort = r.port("eureka.instance.secure-port", 443);
        securePortConfigured = r.raw("eureka.instance.secure-port") != null;
        securePortEnabled = r.bool("eureka.instance.secure-port-enabled", false);
        if (!nonSecurePortEnabled && !securePortEnabled && registerOn != RegisterOn.START) {
            r.problem(r.firstSet("eureka.instance.non-secure-port-enabled"), "true, or eureka.instance.secure-port-enabled=true: one port must be enabled");
        }
        virtualHostName = r.name("eureka.instance.virtual-host-name", "a VIP address");
        secureVirtualHostName = r.name("eureka.instance.secure-virtual-host-name", "a VIP address");

        leaseRenewalIntervalSeconds = r.integer("eureka.instance.lease-renewal-interval-in-seconds", 30, 1, 3600, "of seconds ");
        leaseExpirationDurationSeconds = r.integer("eureka.instance.lease-expiration-duration-in-seconds", 90, 1, 86_400, "of seconds ");
        if (leaseExpirationDurationSeconds <= leaseRenewalIntervalSeconds) {
            r.problem(r.firstSet("eureka.instance.lease-expiration-duration-in-seconds",
                    "eureka.instance.lease-renewal-interval-in-seconds"), "more seconds than the renewal interval ("
                    + leaseRenewalIntervalSeconds + "), or Eureka drops the instance between two heartbeats");
        }
        metadata = r.map("eureka.instance.metadata-map");
        serviceUrls = ServerOrder.read(r, metadata);
        proxy = proxy(r, serviceUrls);
        healthCheckEnabled = r.bool("eureka.client.healthcheck.enabled", false);
        healthCheckIntervalSeconds = r.integer("eureka.agent.health-check-interval-seconds", leaseRenewalIntervalSeconds, 1, 3600, "of seconds ");

        homePageUrlPath = r.path("eureka.instance.home-page-url-path", "/");
        statusPageUrlPath = r.path("eureka.instance.status-page-url-path", null);
        healthCheckUrlPath = r.path("eureka.instance.health-check-url-path", null);
        managementBasePath = r.path("management.endpoints.web.base-path", null);
        managementPort = managementPort(r.raw("management.server.port"));
        homePageUrl = r.url("eureka.instance.home-page-url");
        statusPageUrl = r.url("eureka.instance.status-page-url");
        healthCheckUrl = r.url("eureka.instance.health-check-url");
        secureHealthCheckUrl = r.url("eureka.instance.secure-health-check-url");
        fetchRegistry = r.bool("eureka.client.fetch-registry", false);
        registerWithEureka = r.bool("eureka.client.register-with-eureka", true);
        if (!registerWithEureka && !fetchRegistry) {
            r.warning("eureka.client.register-with-eureka=false and no eureka.client.fetch-registry=true: the agent has"
                    + " nothing to do");
        }
        registryFetchIntervalSeconds = r.integer("eureka.client.registry-fetch-interval-seconds", 30, 1, 3600, "of seconds ");
        filterOnlyUpInstances = r.bool("eureka.client.filter-only-up-instances", true);
        resolveServiceUrls = r.bool("eureka.agent.resolve-service-urls", false);
        if (resolveServiceUrls && !fetchRegistry) {
            r.problem(r.firstSet("eureka.agent.resolve-service-urls"), "false, or eureka.client.fetch-registry=true: names are"
                    + " resolved from the registry the agent fetches");
        }
        r.raw("eureka.agent.config-file");
        r.warnAboutTypos();
    }

    /** Spring Cloud's proxy of the calls to Eureka: host and port together, a login optional; null when unset. */
    private static EurekaProxy proxy(SettingReader r, List<ServiceUrl> servers) {
        String host = r.host("eureka.client.proxy-host");
        int port = r.port("eureka.client.proxy-port", 0);
        String user = r.raw("eureka.client.proxy-user-name") == null ? null : r.raw("eureka.client.proxy-user-name").value();
        Setting password = r.raw("eureka.client.proxy-password");
        boolean hostSet = r.raw("eureka.client.proxy-host") != null;
        boolean portSet = r.raw("eureka.client.proxy-port") != null;
        if (hostSet && host == null || portSet && port == 0) {
            return null;
        }
        if (hostSet != portSet) {
            r.problem(r.firstSet("eureka.client.proxy-host", "eureka.client.proxy-port"),
                    "both eureka.client.proxy-host and eureka.client.proxy-port, or neither");
            return null;
        }
        if (!hostSet) {
            return null;
        }
        return new EurekaProxy(host, port, user, password == null ? null : password.value(), servers);
    }

    /** Spring Boot's own setting: 1-65535 is a port; -1 (endpoints off), 0 (random) and the rest say nothing we can use. */
    private static int managementPort(Setting setting) {
        try {
            int port = setting == null ? 0 : Integer.parseInt(setting.value().trim());
            return port > 0 && port <= 65535 ? port : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public boolean enabled() { return enabled; }
    public boolean debug() { return debug; }
    public boolean failFast() { return failFast; }
    public Duration shutdownTimeout() { return shutdownTimeout; }
    public Duration connectTimeout() { return connectTimeout; }
    public Duration readTimeout() { return readTimeout; }
    /** In the order to prefer them: same zone first (see {@link ServerOrder}). */
    public List<ServiceUrl> serviceUrls() { return serviceUrls; }
    /** How long a server that failed is set aside before the agent tries it again. */
    public Duration serverQuarantine() { return serverQuarantine; }
    /** Which of the JDK's HTTP clients the agent's own calls go through. */
    public Transport.Kind httpClient() { return httpClient; }
    /** The custom key and trust material of {@code eureka.client.tls.*}, or null for the JDK's defaults. */
    public SSLContext tlsContext() { return tlsContext; }
    /** Lines worth showing that do not stop the agent (likely typos, settings without effect). */
    public List<String> warnings() { return warnings; }

    /** The agent's HTTP transport, its exchanges run on {@code worker}. */
    public Transport transport(ExecutorService worker) {
        return httpClient.create(connectTimeout, worker, tlsContext, usesTls(), proxy);
    }

    /** Whether any server, or the app's own health URL, is https. */
    public boolean usesTls() {
        boolean tls = healthCheckUrl != null && healthCheckUrl.startsWith("https:")
                || healthCheckEnabled && !nonSecurePortEnabled;
        for (ServiceUrl url : serviceUrls) {
            tls |= url.isHttps();
        }
        return tls;
    }
    /** Null: derive it from the main class or jar. */
    public String appName() { return appName; }
    /** Null: {@code hostname:appname:port}. */
    public String instanceId() { return instanceId; }
    /** Null: detect it. */
    public String hostname() { return hostname; }
    /** Null: detect it. */
    public String ipAddress() { return ipAddress; }
    public boolean preferIpAddress() { return preferIpAddress; }
    public List<Pattern> ignoredInterfaces() { return ignoredInterfaces; }
    public List<Pattern> preferredNetworks() { return preferredNetworks; }
    public RegisterOn registerOn() { return registerOn; }
    public boolean healthCheckEnabled() { return healthCheckEnabled; }
    public int healthCheckIntervalSeconds() { return healthCheckIntervalSeconds; }
    public int nonSecurePort() { return nonSecurePort; }
    public boolean nonSecurePortEnabled() { return nonSecurePortEnabled; }
    public int securePort() { return securePort; }
    public boolean securePortEnabled() { return securePortEnabled; }
    /** The port callers use, as configured or to be detected. */
    public PortPlan servingPort() {
        return nonSecurePortEnabled ? new PortPlan(false, nonSecurePort, nonSecurePortConfigured)
                : new PortPlan(true, securePort, securePortConfigured);
    }
    /** Null: the app name in lower case. */
    public String virtualHostName() { return virtualHostName; }
    /** Null: the app name in lower case. */
    public String secureVirtualHostName() { return secureVirtualHostName; }
    public int leaseRenewalIntervalSeconds() { return leaseRenewalIntervalSeconds; }
    public int leaseExpirationDurationSeconds() { return leaseExpirationDurationSeconds; }
    public Map<String, String> metadata() { return metadata; }
    public String homePageUrlPath() { return homePageUrlPath; }
    /** Null: the framework's default ({@link io.eurekaagent.instance.StatusEndpoints}). */
    public String statusPageUrlPath() { return statusPageUrlPath; }
    /** Null: the framework's default. */
    public String healthCheckUrlPath() { return healthCheckUrlPath; }
    /** Spring Boot's {@code management.endpoints.web.base-path}, or null. */
    public String managementBasePath() { return managementBasePath; }
    /** Spring Boot's {@code management.server.port}, or 0: the actuator answers on the serving port. */
    public int managementPort() { return managementPort; }
    /** Null: built from the host, port and path. */
    public String homePageUrl() { return homePageUrl; }
    public String statusPageUrl() { return statusPageUrl; }
    public String healthCheckUrl() { return healthCheckUrl; }
    public String secureHealthCheckUrl() { return secureHealthCheckUrl; }
    /** Whether the agent keeps a copy of the registry ({@code eureka.client.fetch-registry}). */
    public boolean fetchRegistry() { return fetchRegistry; }
    /** False: consumer-only, nothing registered and no port awaited; discovery as configured. */
    public boolean registerWithEureka() { return registerWithEureka; }
    public int registryFetchIntervalSeconds() { return registryFetchIntervalSeconds; }
    public boolean filterOnlyUpInstances() { return filterOnlyUpInstances; }
    /** Whether HTTP requests to {@code http://<service>/...} go to a registered instance. */
    public boolean resolveServiceUrls() { return resolveServiceUrls; }
}
