package io.eurekaagent.instance;

/**
 * The statuses the agent sends; Eureka takes STARTING and DOWN from a client as they are (only an admin's override,
 * such as OUT_OF_SERVICE, wins over them; docs/eureka-protocol.md).
 */
public enum Status {
    STARTING, UP, DOWN
}
