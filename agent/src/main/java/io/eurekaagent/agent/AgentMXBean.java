package io.eurekaagent.agent;

/**
 * The agent's state for operators, as {@code io.eurekaagent:type=Agent} in the JVM's platform MBean server (JConsole,
 * Jolokia, jmx_exporter; {@code java -jar eureka-agent.jar inspect PID}). Times are ms since the epoch, 0 for never,
 * so that jmx_exporter turns them into numbers.
 */
public interface AgentMXBean {
    String OBJECT_NAME = "io.eurekaagent:type=Agent";

    String getVersion();

    /** {@code register}, {@code consumer-only}. */
    String getMode();

    String getApp();

    String getInstanceId();

    /** The status last sent to Eureka (UP, DOWN, STARTING, OUT_OF_SERVICE); empty when nothing is registered. */
    String getStatus();

    boolean isRegistered();

    /** The server that answered last. */
    String getEurekaServer();

    long getRegisteredSinceEpochMillis();

    long getLastHeartbeatEpochMillis();

    int getConsecutiveFailures();

    /** The last failure with its cause, kept after a recovery; empty before any. */
    String getLastFailure();

    /** -1 without discovery ({@code eureka.client.fetch-registry=false}). */
    int getRegistryInstances();

    long getRegistryFetchedEpochMillis();
}
