package io.eurekaagent.readiness;

/** What readiness found: the port to register, how it was found (for the log line), and since when it serves. */
public final class ServingPort {
    /** register-on=start: the app serves no port. */
    public static final ServingPort NONE = new ServingPort(0, "no port (eureka.agent.register-on=start)", 0);

    private final int port;
    private final String how;
    private final long sinceNanos;

    public ServingPort(int port, String how, long sinceNanos) {
        this.port = port;
        this.how = how;
        this.sinceNanos = sinceNanos;
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
}
