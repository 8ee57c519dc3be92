package io.eurekaagent.log;

/** How each agent line looks ({@code eureka.agent.log-format}). */
public enum LogFormat {
    /** {@code [eureka-agent] registered ...}: for a collector that stamps lines itself. */
    PLAIN,
    /** {@code 2026-12-04T18:40:01.123Z [eureka-agent] registered ...}: in UTC, as OpenTelemetry's agent does. */
    TIMESTAMPED,
    /** One JSON object a line: timestamp, level, logger, message. */
    JSON
}
