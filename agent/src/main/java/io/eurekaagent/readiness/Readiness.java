package io.eurekaagent.readiness;

import java.util.function.BooleanSupplier;

/** Tells when the app is ready to be registered, and on which port. */
public interface Readiness {
    /** {@link #await} result: register with no port (register-on=start). */
    int NO_PORT = 0;
    /** {@link #await} result: the agent is shutting down; do not register. */
    int STOPPED = -1;

    /** Work for the agent's thread, first thing, while the app starts. */
    default void prepare() {
    }

    /** Blocks the agent's thread until the app is ready; returns the serving port, {@link #NO_PORT} or {@link #STOPPED}. */
    int await(BooleanSupplier stop);

    /** When the app became ready (System.nanoTime), or 0 when not known. */
    default long readySince() {
        return 0;
    }
}
