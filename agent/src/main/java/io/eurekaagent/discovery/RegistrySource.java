package io.eurekaagent.discovery;

import java.time.Duration;

/** Discovery's copy of the registry, and how its fetching went: what the failure messages of a call by name tell. */
public interface RegistrySource {
    Registry registry();

    /**
     * Waits up to {@code timeout} for the first fetch to end, well or not (at once when it has); true when the copy
     * has been fetched at least once.
     */
    default boolean awaitFirstFetch(Duration timeout) {
        return true;
    }

    /** Why the last fetch failed and when, or null when it worked (or none was made yet). */
    default String lastFailure() {
        return null;
    }
}
