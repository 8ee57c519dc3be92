package io.eurekaagent.bootstrap;

import java.util.function.Function;
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

    /** Set by the agent: given {future, client, request, handler} of a sendAsync, the future to hand back. */
    public static volatile Function<Object[], Object> sent;

    /** Set by the agent: given {exception, host, port} of a refused connection, another InetSocketAddress or null. */
    public static volatile Function<Object[], Object> refusedHandler;

    /**
     * Set by the agent: given {client, host, port} of a connect about to be made, another InetSocketAddress or null.
     */
    public static volatile Function<Object[], Object> connectingHandler;

    private NameHook() {
    }

    /** Runs when HttpURLConnection's socket connect is refused: where to connect instead, or null to fail as before. */
    public static Object refused(Object exception, Object host, int port) {
        return call(refusedHandler, new Object[] {exception, host, port}, null);
    }

    /** Runs as HttpURLConnection opens its socket: where to connect instead (a retry after a cut-off), or null. */
    public static Object connecting(Object client, Object host, int port) {
        return call(connectingHandler, new Object[] {client, host, port}, null);
    }

    /** Runs as HttpClientImpl.sendAsync returns: the same future, or one that tries another instance if refused. */
    public static Object sent(Object future, Object client, Object request, Object handler) {
        return call(sent, new Object[] {future, client, request, handler}, future);
    }

    /** What {@code handler} answers, or {@code fallback} when there is none, it answers null or it fails. */
    private static Object call(Function<Object[], Object> handler, Object[] arguments, Object fallback) {
        if (handler == null) {
            return fallback;
        }
        try {
            Object result = handler.apply(arguments);
            return result == null ? fallback : result;
        } catch (Throwable ignored) {
            return fallback;
        }
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
