package io.eurekaagent.readiness;

/**
 * What readiness found: the port to register, how it was found (for the log line), since when it serves, and the port
 * it serves management on beside it, if it saw one.
 */
public final class ReadyPort {
    /** register-on=start: the app serves no port. */
    public static final ReadyPort NONE = new ReadyPort(0, "no port (eureka.agent.register-on=start)", 0, 0);

    private final int port;
    private final String how;
    private final long sinceNanos;
    private final int managementPort;

    public ReadyPort(int port, String how, long sinceNanos, int managementPort) {
        this.port = port;
        this.how = how;
        this.sinceNanos = sinceNanos;
        this.managementPort = managementPort;
    }

    /** The port callers use, or 0 for {@link #NONE}. */
    public int port() {
        return port;
    }

    public String how() {
        return how;
    }

    /** When the app became ready (System.nanoTime), or 0 when not known. */
    public long sinceNanos() {
        return sinceNanos;
    }

    /** A port passed over as the app's admin or management one (Dropwizard's admin connector), or 0. */
    public int managementPort() {
        return managementPort;
    }

    /** The same port, ready since {@code nanos} (a server whose boot ended after it accepted). */
    public ReadyPort readySince(long nanos, String more) {
        return new ReadyPort(port, how + more, nanos, managementPort);
    }
}
