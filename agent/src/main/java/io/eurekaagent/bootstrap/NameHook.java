package io.eurekaagent.bootstrap;

import java.util.function.UnaryOperator;

/**
 * The template of the service-name hook inside java.base (renamed {@code sun.nio.ch.EurekaAgentNameHook}): the JDK's
 * {@code http}/{@code https} URL handlers and {@code HttpClientImpl.sendAsync} pass their URL or request through
 * {@link #rewrite} first. This copy itself is never called.
 */
public final class NameHook {
    /**
     * Set by the agent: returns the URL or request to use instead (the same object when it is not a service name),
     * or a Throwable to fail with (a service with no UP instance).
     */
    public static volatile UnaryOperator<Object> resolver;

    private NameHook() {
    }

    /** Runs on the app's thread: any trouble of the agent's leaves the request as it was. */
    public static Object rewrite(Object target) {
        UnaryOperator<Object> current = resolver;
        if (current == null || target == null) {
            return target;
        }
        try {
            Object rewritten = current.apply(target);
            return rewritten == null ? target : rewritten;
        } catch (Throwable ignored) {
            return target;
        }
    }
}
