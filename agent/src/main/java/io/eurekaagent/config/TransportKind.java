package io.eurekaagent.config;

/** {@code eureka.agent.http-client}: which of the JDK's HTTP clients carries the agent's own calls. */
public enum TransportKind {
    URL_CONNECTION, JAVA_HTTP_CLIENT
}
