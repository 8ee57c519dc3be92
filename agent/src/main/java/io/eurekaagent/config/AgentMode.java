package io.eurekaagent.config;

/** What the agent does in this JVM, from {@code eureka.client.enabled} and {@code register-with-eureka}. */
public enum AgentMode {
    /** Registers the app once it serves, renews, deregisters; discovery as configured. */
    REGISTER,
    /** {@code register-with-eureka=false}: nothing registered, no port awaited, no socket hooked. */
    CONSUMER_ONLY,
    /** {@code eureka.client.enabled=false}: nothing else was read. */
    OFF
}
