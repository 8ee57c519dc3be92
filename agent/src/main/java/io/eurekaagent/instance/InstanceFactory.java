package io.eurekaagent.instance;

import io.eurekaagent.config.Catalog;
import io.eurekaagent.config.InstanceSettings;
import io.eurekaagent.config.JavaCommand;
import io.eurekaagent.config.PortPlan;
import io.eurekaagent.config.ReadinessSettings;
import io.eurekaagent.config.Status;
import io.eurekaagent.log.AgentLog;
import java.net.InetAddress;
import java.net.URI;
import java.net.SocketException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Builds this JVM's identity in Eureka from the settings, detecting what the user left out. */
public final class InstanceFactory {
    /** The most a registration waits for the reverse lookup of its address, which starts while the app starts. */
    static final Duration LOOKUP_WAIT = Duration.ofSeconds(1);

    private final InstanceSettings config;
    private final ReadinessSettings ports;
    private List<NetworkInterfaceInfo> interfaces;
    private ReverseLookup lookup;
    private List<NetworkInterfaceInfo> detectedFrom;
    private String detected;
    private URI guessedStatusPage;

    public InstanceFactory(InstanceSettings config, ReadinessSettings ports) {
        this.config = config;
        this.ports = ports;
    }

    /**
     * On the agent's thread while the app starts: enumerates the interfaces (cheap but not free, never in premain)
     * and, unless a host name is set or the address preferred, starts the reverse lookup of the chosen address.
     */
    public void prepare() {
        prepare(ReverseLookup.DNS);
    }

    void prepare(UnaryOperator<String> resolver) {
        interfaces = config.get(Catalog.IP_ADDRESS) == null ? interfaces() : List.of();
        if (!config.get(Catalog.PREFER_IP_ADDRESS) && config.get(Catalog.HOSTNAME) == null) {
            lookup = ReverseLookup.start(ipAddress(interfaces), resolver);
        }
    }

    /**
     * @param port the port readiness found callers served on (0: none)
     * @param managementPort the management port readiness passed over beside it, or 0
     */
    public InstanceInfo create(int port, int managementPort) {
        String hostName = lookup == null ? null : lookup.nameOrAddress(LOOKUP_WAIT);
        String command = JavaCommand.ofThisJvm();
        Map<String, Integer> managementPorts = new HashMap<>();
        for (Map.Entry<Integer, String> named : ports.managementPorts().entrySet()) {
            managementPorts.put(named.getValue(), named.getKey());
        }
        return create(interfaces, hostName, command, port, new StatusEndpoints.App(command,
                System.getProperty("java.class.path"), ClassLoader.getSystemClassLoader(), managementPorts,
                managementPort));
    }

    /**
     * Where the agent checks the app's health: the configured absolute health-check URL, else the health path on
     * loopback (the app is local; its registered host name may not resolve here).
     */
    public URI healthProbeUrl(InstanceInfo instance) {
        if (config.get(Catalog.HEALTH_CHECK_URL) != null) {
            return URI.create(config.get(Catalog.HEALTH_CHECK_URL));
        }
        // The registered URL already has the scheme, port and path the app's framework needs (read once, in create).
        URI registered = URI.create(instance.healthCheckUrl());
        return URI.create(registered.getScheme() + "://127.0.0.1:" + registered.getPort() + registered.getRawPath());
    }

    /**
     * The status page of the instance last created, on loopback, when it is the home page for want of a framework's
     * (it may answer 404: see {@code health.PageCheck}); else null.
     */
    public URI guessedStatusPage() {
        return guessedStatusPage;
    }

    /** The app name as registered (before upper-casing). */
    public String appName() {
        return appName(JavaCommand.ofThisJvm());
    }

    private String appName(String command) {
        return config.appName() != null ? config.appName() : AppNames.fromCommand(command);
    }

    /**
     * @param lookedUp the address's name from the reverse lookup, or null
     * @param boundPort the serving port readiness found, or 0 or less: the configured one
     * @param app where the status and health endpoints are looked for
     */
    InstanceInfo create(List<NetworkInterfaceInfo> interfaces, String lookedUp, String command, int boundPort,
            StatusEndpoints.App app) {
        InstanceInfo.Builder b = new InstanceInfo.Builder();
        b.appName = appName(command);
        b.ipAddr = ipAddress(interfaces);
        if (config.get(Catalog.PREFER_IP_ADDRESS)) {
            b.hostName = b.ipAddr;
        } else if (config.get(Catalog.HOSTNAME) != null) {
            b.hostName = config.get(Catalog.HOSTNAME);
        } else {
            b.hostName = lookedUp != null ? lookedUp : b.ipAddr;
        }
        boolean noPort = ports.get(Catalog.REGISTER_ON) == ReadinessSettings.RegisterOn.START;
        b.portEnabled = ports.get(Catalog.NON_SECURE_PORT_ENABLED) && !noPort;
        b.securePortEnabled = ports.get(Catalog.SECURE_PORT_ENABLED) && !noPort;
        PortPlan plan = ports.portPlan();
        b.port = !plan.secure() && boundPort > 0 ? boundPort : ports.get(Catalog.NON_SECURE_PORT);
        b.securePort = plan.secure() && boundPort > 0 ? boundPort : ports.get(Catalog.SECURE_PORT);
        // Without a port, the pid keeps two instances on one host apart.
        String idSuffix = noPort ? Long.toString(ProcessHandle.current().pid())
                : Integer.toString(plan.secure() ? b.securePort : b.port);
        b.instanceId = orElse(config.get(Catalog.INSTANCE_ID), b.hostName + ":" + b.appName + ":" + idSuffix);
        Status initial = config.get(Catalog.INITIAL_STATUS);
        b.status = initial != null ? initial : ports.get(Catalog.HEALTH_CHECK_ENABLED) ? Status.STARTING : Status.UP;
        String lowerName = b.appName.toLowerCase(Locale.ROOT);
        b.vipAddress = orElse(config.get(Catalog.VIRTUAL_HOST_NAME), lowerName);
        b.secureVipAddress = orElse(config.get(Catalog.SECURE_VIRTUAL_HOST_NAME), lowerName);

        String host = b.hostName.contains(":") ? "[" + b.hostName + "]" : b.hostName;
        String base = b.portEnabled ? "http://" + host + ":" + b.port : "https://" + host + ":" + b.securePort;
        StatusEndpoints endpoints = StatusEndpoints.of(config, app);
        String healthPath = endpoints.healthPath;
        if (healthPath == null && ports.get(Catalog.HEALTH_CHECK_ENABLED)
                && config.get(Catalog.HEALTH_CHECK_URL) == null) {
            healthPath = "/health";
            AgentLog.info("eureka.client.healthcheck.enabled: the app has no health endpoint the agent knows; checking"
                    + " " + healthPath + " (set eureka.instance.health-check-url-path to the app's)");
        }
        String management = endpoints.port > 0 ? "http://" + host + ":" + endpoints.port : base;
        b.homePageUrl = orElse(config.get(Catalog.HOME_PAGE_URL), base + config.get(Catalog.HOME_PAGE_URL_PATH));
        b.statusPageUrl = orElse(config.get(Catalog.STATUS_PAGE_URL), management + endpoints.statusPath);
        guessedStatusPage = endpoints.homePageOnly && config.get(Catalog.STATUS_PAGE_URL) == null && !noPort
                ? URI.create((b.portEnabled ? "http" : "https") + "://127.0.0.1:"
                        + (b.portEnabled ? b.port : b.securePort) + endpoints.statusPath) : null;
        b.healthCheckUrl =
                orElse(config.get(Catalog.HEALTH_CHECK_URL), healthPath == null ? null : management + healthPath);
        if (b.securePortEnabled) {
            b.secureHealthCheckUrl = orElse(config.get(Catalog.SECURE_HEALTH_CHECK_URL),
                    healthPath == null ? null : "https://" + host + ":" + b.securePort + healthPath);
        }
        if (endpoints.framework != null) {
            AgentLog.debug("status and health pages: " + endpoints.framework + "'s");
        }
        b.renewalIntervalSeconds = config.get(Catalog.LEASE_RENEWAL_INTERVAL);
        b.durationSeconds = config.get(Catalog.LEASE_EXPIRATION);
        b.metadata = config.get(Catalog.METADATA);
        b.asgName = config.get(Catalog.ASG_NAME);
        String group = config.get(Catalog.APP_GROUP_NAME);
        b.appGroupName = group == null ? null : group.toUpperCase(Locale.ROOT);
        return new InstanceInfo(b);
    }

    private String ipAddress(List<NetworkInterfaceInfo> interfaces) {
        return config.get(Catalog.IP_ADDRESS) != null ? config.get(Catalog.IP_ADDRESS) : detectIp(interfaces);
    }

    /** Chosen once per list of interfaces: the reverse lookup and the instance both ask, the warning comes once. */
    private String detectIp(List<NetworkInterfaceInfo> interfaces) {
        if (interfaces != detectedFrom) {
            detectedFrom = interfaces;
            detected = chooseIp(interfaces);
        }
        return detected;
    }

    private String chooseIp(List<NetworkInterfaceInfo> interfaces) {
        AddressChooser chooser =
                new AddressChooser(config.get(Catalog.IGNORED_INTERFACES), config.get(Catalog.PREFERRED_NETWORKS));
        Optional<InetAddress> chosen = chooser.choose(interfaces);
        if (chosen.isPresent()) {
            return withoutScope(chosen.get());
        }
        Map.Entry<String, InetAddress> skipped = chooser.skippedByName(interfaces);
        if (skipped != null) {
            String address = withoutScope(skipped.getValue());
            AgentLog.warn("no network interface but " + skipped.getKey() + ", whose kind (a container's virtual end or"
                    + " bridge) other hosts often cannot reach; registering its address " + address
                    + " (set eureka.instance.ip-address if callers cannot reach it)");
            return address;
        }
        AgentLog.warn("no usable network interface found; registering 127.0.0.1 (set eureka.instance.ip-address)");
        return "127.0.0.1";
    }

    /** An IPv6 address without its scope (%eth0); no regex, which costs the app's start ~3 ms cold. */
    private static String withoutScope(InetAddress chosen) {
        String address = chosen.getHostAddress();
        int scope = address.indexOf('%');
        return scope < 0 ? address : address.substring(0, scope);
    }

    private static List<NetworkInterfaceInfo> interfaces() {
        try {
            return NetworkInterfaceInfo.ofThisHost();
        } catch (SocketException | RuntimeException e) {
            AgentLog.warn("cannot list network interfaces (" + e + ")");
            return List.of();
        }
    }

    private static String orElse(String configured, String built) {
        return configured != null ? configured : built;
    }
}
