package io.eurekaagent.config;

/**
 * The statuses an instance registers with, Eureka's own: the agent sends UP, or STARTING then what the health URL
 * says; {@code eureka.instance.initial-status} may name any. Eureka takes a client's status as it is (only an admin's
 * override, such as OUT_OF_SERVICE, wins over it; docs/eureka-protocol.md).
 */
public enum Status {
    UP, DOWN, STARTING, OUT_OF_SERVICE, UNKNOWN
}
