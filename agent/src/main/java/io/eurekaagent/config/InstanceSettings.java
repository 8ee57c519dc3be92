package io.eurekaagent.config;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** What callers see in the registry: the instance's names, address, lease, metadata and page URLs. */
public final class InstanceSettings {
    /** Each framework's own spelling of the app's name, the first one set wins. */
    private static final List<Key<String>> APP_NAME_KEYS = List.of(Catalog.APP_NAME, Catalog.SPRING_APP_NAME,
            Catalog.QUARKUS_APP_NAME, Catalog.MICRONAUT_APP_NAME);

    private String appName;
    private String instanceId;
    private String hostname;
    private String ipAddress;
    private boolean preferIpAddress;
    private List<Pattern> ignoredInterfaces;
    private List<Pattern> preferredNetworks;
    private String virtualHostName;
    private String secureVirtualHostName;
    private Status initialStatus;
    private int leaseRenewalIntervalSeconds;
    private int leaseExpirationDurationSeconds;
    private Map<String, String> metadata;
    private String homePageUrlPath;
    private String statusPageUrlPath;
    private String healthCheckUrlPath;
    private String managementBasePath;
    private String managementExposure;
    private int managementPort;
    private String homePageUrl;
    private String statusPageUrl;
    private String healthCheckUrl;
    private String secureHealthCheckUrl;

    private InstanceSettings() {
    }

    static InstanceSettings read(SettingReader r) {
        InstanceSettings s = new InstanceSettings();
        for (Key<String> key : APP_NAME_KEYS) {
            if (r.isSet(key)) {
                s.appName = r.get(key);
                break;
            }
        }
        s.instanceId = r.get(Catalog.INSTANCE_ID);
        s.hostname = r.get(Catalog.HOSTNAME);
        s.ipAddress = r.get(Catalog.IP_ADDRESS);
        s.preferIpAddress = r.get(Catalog.PREFER_IP_ADDRESS);
        s.ignoredInterfaces = r.get(Catalog.IGNORED_INTERFACES);
        s.preferredNetworks = r.get(Catalog.PREFERRED_NETWORKS);
        s.virtualHostName = r.get(Catalog.VIRTUAL_HOST_NAME);
        s.secureVirtualHostName = r.get(Catalog.SECURE_VIRTUAL_HOST_NAME);
        s.initialStatus = r.get(Catalog.INITIAL_STATUS);
        s.leaseRenewalIntervalSeconds = r.get(Catalog.LEASE_RENEWAL_INTERVAL);
        s.leaseExpirationDurationSeconds = r.get(Catalog.LEASE_EXPIRATION);
        if (s.leaseExpirationDurationSeconds <= s.leaseRenewalIntervalSeconds) {
            r.problem(r.firstSet(Catalog.LEASE_EXPIRATION, Catalog.LEASE_RENEWAL_INTERVAL), "more seconds than the"
                    + " renewal interval (" + s.leaseRenewalIntervalSeconds + "), or Eureka drops the instance between"
                    + " two heartbeats");
        }
        s.metadata = r.map(Catalog.METADATA);
        s.homePageUrlPath = r.get(Catalog.HOME_PAGE_URL_PATH);
        s.statusPageUrlPath = r.get(Catalog.STATUS_PAGE_URL_PATH);
        s.healthCheckUrlPath = r.get(Catalog.HEALTH_CHECK_URL_PATH);
        s.managementBasePath = r.get(Catalog.MANAGEMENT_BASE_PATH);
        s.managementExposure = r.get(Catalog.MANAGEMENT_EXPOSURE);
        s.managementPort = r.get(Catalog.MANAGEMENT_PORT);
        s.homePageUrl = r.get(Catalog.HOME_PAGE_URL);
        s.statusPageUrl = r.get(Catalog.STATUS_PAGE_URL);
        s.healthCheckUrl = r.get(Catalog.HEALTH_CHECK_URL);
        s.secureHealthCheckUrl = r.get(Catalog.SECURE_HEALTH_CHECK_URL);
        return s;
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
    /** Null: the app name in lower case. */
    public String virtualHostName() { return virtualHostName; }
    /** Null: the app name in lower case. */
    public String secureVirtualHostName() { return secureVirtualHostName; }
    /** Null: UP, or STARTING while the health check has not seen the app healthy. */
    public Status initialStatus() { return initialStatus; }
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
    /** Spring Boot's {@code management.endpoints.web.exposure.include}, or null. */
    public String managementExposure() { return managementExposure; }
    /** Spring Boot's {@code management.server.port}, or 0: the actuator answers on the serving port. */
    public int managementPort() { return managementPort; }
    /** Null: built from the host, port and path. */
    public String homePageUrl() { return homePageUrl; }
    public String statusPageUrl() { return statusPageUrl; }
    public String healthCheckUrl() { return healthCheckUrl; }
    public String secureHealthCheckUrl() { return secureHealthCheckUrl; }
}
