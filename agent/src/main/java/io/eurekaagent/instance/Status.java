package io.eurekaagent.instance;

/** The statuses the agent sends; Eureka takes STARTING and DOWN from a client as they are (shared/eureka-protocol.md). */
public enum Status {
    STARTING, UP, DOWN
}
