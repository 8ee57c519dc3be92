package io.eurekaagent.e2e;

/**
 * Scenarios tagged {@link #BOTH} run each transport themselves, side by side: the execution that repeats the suite on
 * java-http-client leaves them out (src/end-to-end/pom.xml).
 */
final class Transports {
    static final String BOTH = "both-transports";

    private Transports() {
    }
}
