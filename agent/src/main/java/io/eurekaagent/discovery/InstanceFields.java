package io.eurekaagent.discovery;

import io.eurekaagent.instance.AppNames;
import java.util.Locale;

/** The values of one instance as read, with the server's defaults for what is missing. */
final class InstanceFields {
    String instanceId;
    String app = "";
    String hostName;
    String ipAddr;
    String status;
    String override;
    String vipAddress;
    String secureVipAddress;
    String zone;
    String action;
    long registeredAt;
    Port port = new Port(7001, true);
    Port securePort = new Port(7002, false);

    /**
     * Called by its host name, else by its address; not callable at all (listed, never handed to the app) without
     * a valid one or with the port it would be called on out of range.
     */
    RegisteredInstance instance() {
        String host = CallableAddress.host(hostName) ? hostName : CallableAddress.host(ipAddr) ? ipAddr : null;
        boolean secure = securePort.enabled && CallableAddress.port(securePort.number);
        boolean plain = port.enabled && CallableAddress.port(port.number);
        boolean callable = host != null && (plain || secure || CallableAddress.port(port.number));
        return new RegisteredInstance(
                AppNames.inRegistry(app),
                instanceId,
                host == null ? hostName : host,
                ipAddr,
                status(),
                port.number,
                plain,
                securePort.number,
                secure,
                vipAddress,
                secureVipAddress,
                zone,
                registeredAt,
                action(action),
                callable);
    }

    /** An admin's override (either spelling) wins over the status the instance sent, as on the server. */
    private String status() {
        String chosen = override != null && !override.equals("UNKNOWN") ? override : status;
        return chosen == null ? "UP" : chosen.toUpperCase(Locale.ROOT);
    }

    /** A delta's actionType; anything unexpected is taken as a modification (the instance is kept, refreshed). */
    private static RegisteredInstance.Action action(String action) {
        if (action == null) {
            return null;
        }
        switch (action.trim().toUpperCase(Locale.ROOT)) {
            case "ADDED":
                return RegisteredInstance.Action.ADDED;
            case "DELETED":
                return RegisteredInstance.Action.DELETED;
            default:
                return RegisteredInstance.Action.MODIFIED;
        }
    }

    static final class Port {
        final int number;
        final boolean enabled;

        Port(int number, boolean enabled) {
            this.number = number;
            this.enabled = enabled;
        }
    }
}
