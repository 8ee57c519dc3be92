package io.eurekaagent.config;

/**
 * Which of the instance's two ports callers use, decided once from the four port settings: the non-secure port unless
 * only the secure one is enabled; its number as configured, or to be detected from the app.
 */
public final class PortPlan {
    private final boolean secure;
    private final int port;
    private final boolean configured;

    PortPlan(boolean secure, int port, boolean configured) {
        this.secure = secure;
        this.port = port;
        this.configured = configured;
    }

    /** Whether callers use the secure port (only it is enabled). */
    public boolean secure() {
        return secure;
    }

    /** The configured port, or the default (8080, 443) when it is to be detected. */
    public int port() {
        return port;
    }

    /** Whether the user gave the port: then only it is waited for. */
    public boolean configured() {
        return configured;
    }

    /** The setting that names the port. */
    public String key() {
        return secure ? "eureka.instance.secure-port" : "eureka.instance.non-secure-port";
    }
}
