package io.eurekaagent.discovery;

import java.net.URI;

/** One instance as the registry lists it: what a caller needs to reach it, and what the command line shows. */
public final class RegisteredInstance {
    /** What a delta says happened to the instance; {@code null} in a full registry. */
    enum Action { ADDED, MODIFIED, DELETED }

    private final String app;
    private final String instanceId;
    private final String hostName;
    private final String ipAddr;
    private final String status;
    private final int port;
    private final boolean portEnabled;
    private final int securePort;
    private final boolean securePortEnabled;
    private final String vipAddress;
    private final String secureVipAddress;
    private final String zone;
    private final long registeredAt;
    private final Action action;
    private final boolean callable;
    private final String plainAddress;
    /** {@code http://host:port/} and {@code https://host:securePort/}, made when first called by name. */
    private volatile URI plainRoot;
    private volatile URI secureRoot;

    RegisteredInstance(String app, String instanceId, String hostName, String ipAddr, String status, int port,
            boolean portEnabled, int securePort, boolean securePortEnabled, String vipAddress, String secureVipAddress,
            String zone, long registeredAt, Action action, boolean callable) {
        this.app = app;
        this.instanceId = instanceId;
        this.hostName = hostName;
        this.ipAddr = ipAddr;
        this.status = status;
        this.port = port;
        this.portEnabled = portEnabled;
        this.securePort = securePort;
        this.securePortEnabled = securePortEnabled;
        this.vipAddress = vipAddress;
        this.secureVipAddress = secureVipAddress;
        this.zone = zone;
        this.registeredAt = registeredAt;
        this.action = action;
        this.callable = callable;
        this.plainAddress = address(hostName, port());
    }

    /** {@code host:port}, the key under which a refused connection is recognised. */
    static String address(String host, int port) {
        return host + ":" + port;
    }

    public String app() { return app; }
    public String instanceId() { return instanceId; }
    public String hostName() { return hostName; }
    public String ipAddr() { return ipAddr; }
    public String status() { return status; }
    public boolean isUp() { return "UP".equals(status); }
    /** The plain port, or the secure one when only that is enabled. */
    public int port() { return portEnabled || !securePortEnabled ? port : securePort; }
    public boolean isSecureOnly() { return !portEnabled && securePortEnabled; }
    /** The port to call with {@code https} (the secure one when enabled) or plain {@code http}. */
    public int portFor(boolean https) { return https && securePortEnabled ? securePort : port(); }
    /** {@code hostName:port} for plain http. */
    String plainAddress() { return plainAddress; }
    /** {@code http(s)://host:port/}: what a request to the service name is resolved against. */
    URI root(boolean https) {
        URI root = https ? secureRoot : plainRoot;
        if (root == null) {
            String host = hostName.indexOf(':') >= 0 ? "[" + hostName + "]" : hostName;
            root = URI.create((https ? "https://" : "http://") + host + ":" + portFor(https) + "/");
            if (https) {
                secureRoot = root;
            } else {
                plainRoot = root;
            }
        }
        return root;
    }
    public String vipAddress() { return vipAddress; }
    public String secureVipAddress() { return secureVipAddress; }
    /** Null when the instance has no {@code zone} metadata. */
    public String zone() { return zone; }
    /** Epoch milliseconds, 0 when unknown. */
    public long registeredAt() { return registeredAt; }
    Action action() { return action; }
    /** False for an entry with no valid host or port: listed, never handed to a caller. */
    boolean isCallable() { return callable; }

    /** The same instance listed under {@code name} (an instance document without its own {@code app}). */
    RegisteredInstance inApp(String name) {
        return new RegisteredInstance(name, instanceId, hostName, ipAddr, status, port, portEnabled, securePort,
                securePortEnabled, vipAddress, secureVipAddress, zone, registeredAt, action, callable);
    }

    @Override
    public String toString() {
        return app + "/" + instanceId + " " + status + " " + ipAddr + ":" + port();
    }
}
