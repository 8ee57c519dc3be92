package io.eurekaagent.readiness;

import java.util.function.BooleanSupplier;

/** Tells when the app is ready to be registered, and on which port. */
public interface Readiness {
    /**
     * The agent's own start-up, done on the thread that waits for the app when the app's start leaves room for it,
     * instead of competing with it on the same cores.
     */
    interface Waiting {
        /** At the first sign that the app listens (its first bind), or at once where there is none. */
        void appListens();

        /** Once, if the app has listened but does not serve a moment later: what makes its registration quicker. */
        void appStarting();
    }

    /** Work for the agent's thread, first thing, while the app starts. */
    default void prepare() {
    }

    /** Blocks the agent's thread until the app is ready; null when {@code stop} said so first. */
    ReadyPort await(BooleanSupplier stop, Waiting waiting);
}
