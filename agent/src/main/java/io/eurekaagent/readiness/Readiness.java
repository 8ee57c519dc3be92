package io.eurekaagent.readiness;

import java.util.function.BooleanSupplier;

/** Tells when the app is ready to be registered, and on which port. */
public interface Readiness {
    /** Work for the agent's thread, first thing, while the app starts. */
    default void prepare() {
    }

    /**
     * Blocks the agent's thread until the app is ready; null when {@code stop} said so first.
     * @param appListens run once, on this thread, at the first sign that the app listens (its first bind), or at once
     *     where there is no such sign: the agent's own start-up work waits for it instead of competing with the app's
     */
    ServingPort await(BooleanSupplier stop, Runnable appListens);
}
