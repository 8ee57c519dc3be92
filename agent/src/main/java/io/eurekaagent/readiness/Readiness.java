package io.eurekaagent.readiness;

import java.util.function.BooleanSupplier;

/** Tells when the app is ready to be registered, and on which port. */
public interface Readiness {
    /** Work for the agent's thread, first thing, while the app starts. */
    default void prepare() {
    }

    /** Blocks the agent's thread until the app is ready; null when {@code stop} said so first. */
    ServingPort await(BooleanSupplier stop);
}
