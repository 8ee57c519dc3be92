package io.eurekaagent.instance;

import io.eurekaagent.config.Status;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The instance as Eureka records it, and its registration document in the shape the server and the Netflix
 * client's codec accept (the Netflix codec's InstanceInfo): ports as objects, {@code dataCenterInfo} with
 * {@code @class}, a {@code vipAddress} for Spring Cloud callers, a {@code lastDirtyTimestamp} that only grows
 * (docs/eureka-protocol.md, "The instance document").
 */
public final class InstanceInfo {
    private final String app;
    private final String instanceId;
    private final String hostName;
    private final String ipAddr;
    private final int port;
    private final boolean portEnabled;
    private final int securePort;
    private final boolean securePortEnabled;
    private final String vipAddress;
    private final String secureVipAddress;
    private final String homePageUrl;
    private volatile String statusPageUrl;
    private final String healthCheckUrl;
    private final String secureHealthCheckUrl;
    private final int renewalIntervalSeconds;
    private final int durationSeconds;
    private final Map<String, String> metadata;
    private final String asgName;
    private final String appGroupName;
    private final AtomicLong lastDirtyTimestamp = new AtomicLong(System.currentTimeMillis());
    private final AtomicInteger revision = new AtomicInteger();
    private volatile Status status;

    InstanceInfo(Builder b) {
        this.app = AppNames.inRegistry(b.appName);
        this.instanceId = b.instanceId;
        this.hostName = b.hostName;
        this.ipAddr = b.ipAddr;
        this.port = b.port;
        this.portEnabled = b.portEnabled;
        this.securePort = b.securePort;
        this.securePortEnabled = b.securePortEnabled;
        this.vipAddress = b.vipAddress;
        this.secureVipAddress = b.secureVipAddress;
        this.homePageUrl = b.homePageUrl;
        this.statusPageUrl = b.statusPageUrl;
        this.healthCheckUrl = b.healthCheckUrl;
        this.secureHealthCheckUrl = b.secureHealthCheckUrl;
        this.renewalIntervalSeconds = b.renewalIntervalSeconds;
        this.durationSeconds = b.durationSeconds;
        this.metadata = Map.copyOf(b.metadata);
        this.asgName = b.asgName;
        this.appGroupName = b.appGroupName;
        this.status = b.status;
    }

    /** The upper-case app name, as the server keys it. */
    public String app() { return app; }
    public String instanceId() { return instanceId; }
    public String hostName() { return hostName; }
    public String ipAddr() { return ipAddr; }
    public String healthCheckUrl() { return healthCheckUrl; }
    public int port() { return port; }
    public boolean portEnabled() { return portEnabled; }
    public int securePort() { return securePort; }
    public boolean securePortEnabled() { return securePortEnabled; }
    public String vipAddress() { return vipAddress; }
    public int renewalIntervalSeconds() { return renewalIntervalSeconds; }

    /** The port callers use: the non-secure one if enabled, else the secure one; -1 when neither is. */
    public int portForCallers() {
        return portEnabled ? port : securePortEnabled ? securePort : -1;
    }

    public Status status() {
        return status;
    }

    /** Sets the status the next registration sends; true when it changed. */
    public boolean setStatus(Status newStatus) {
        Status old = status;
        status = newStatus;
        if (old == newStatus) {
            return false;
        }
        revision.incrementAndGet();
        return true;
    }

    /** Leaves the status page out of the next registrations (it answers 404). */
    public void dropStatusPage() {
        statusPageUrl = null;
        revision.incrementAndGet();
    }

    public String statusPageUrl() {
        return statusPageUrl;
    }

    /** Grows with every change the server has to be sent again (status, status page). */
    public int revision() {
        return revision.get();
    }

    public long lastDirtyTimestamp() {
        return lastDirtyTimestamp.get();
    }

    /**
     * Marks the instance changed (a re-registration): the server ignores a registration whose timestamp is not
     * newer than the one it holds, so the value strictly grows even if the clock steps back.
     */
    public long markDirty() {
        return lastDirtyTimestamp.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis()));
    }

    /** The body of {@code POST /apps/{APP}}, with the current status. */
    public String registrationJson() {
        String dirty = Long.toString(lastDirtyTimestamp());
        JsonText json = new JsonText().open(null).open("instance")
                .field("instanceId", instanceId)
                .field("hostName", hostName)
                .field("app", app)
                .field("appGroupName", appGroupName)
                .field("asgName", asgName)
                .field("ipAddr", ipAddr)
                .field("status", status.name())
                .field("overriddenStatus", "UNKNOWN");
        port(json, "port", port, portEnabled);
        port(json, "securePort", securePort, securePortEnabled);
        json.field("countryId", 1)
                .open("dataCenterInfo")
                .field("@class", "com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo")
                .field("name", "MyOwn")
                .close()
                .open("leaseInfo")
                .field("renewalIntervalInSecs", renewalIntervalSeconds)
                .field("durationInSecs", durationSeconds)
                .close()
                .open("metadata");
        for (Map.Entry<String, String> entry : new TreeMap<>(metadata).entrySet()) {
            json.field(entry.getKey(), entry.getValue());
        }
        return json.close()
                .field("homePageUrl", homePageUrl)
                .field("statusPageUrl", statusPageUrl)
                .field("healthCheckUrl", healthCheckUrl)
                .field("secureHealthCheckUrl", secureHealthCheckUrl)
                .field("vipAddress", vipAddress)
                .field("secureVipAddress", secureVipAddress)
                .field("isCoordinatingDiscoveryServer", "false")
                .field("lastUpdatedTimestamp", dirty)
                .field("lastDirtyTimestamp", dirty)
                .close()
                .close()
                .toString();
    }

    private static void port(JsonText json, String name, int number, boolean enabled) {
        json.open(name).field("$", number).field("@enabled", Boolean.toString(enabled)).close();
    }

    static final class Builder {
        String appName;
        String instanceId;
        String hostName;
        String ipAddr;
        int port;
        boolean portEnabled;
        int securePort;
        boolean securePortEnabled;
        String vipAddress;
        String secureVipAddress;
        String homePageUrl;
        String statusPageUrl;
        String healthCheckUrl;
        String secureHealthCheckUrl;
        int renewalIntervalSeconds;
        int durationSeconds;
        Map<String, String> metadata = Map.of();
        String asgName;
        String appGroupName;
        Status status = Status.UP;
    }
}
