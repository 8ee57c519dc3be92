package io.eurekaagent.bootstrap;

import java.util.function.Consumer;

/**
 * The template of the one agent class that lives inside java.base (renamed {@code sun.nio.ch.EurekaAgentBindHook}
 * by the agent): the JDK's bind methods call {@link #bound} after a successful bind, and JDK code can only see
 * JDK classes. It reaches the agent through a JDK type ({@link Consumer}). This copy itself is never called.
 */
public final class BindHook {
    /** Set by the agent; receives the bound ServerSocket, ServerSocketChannel or AsynchronousServerSocketChannel. */
    public static volatile Consumer<Object> listener;

    private BindHook() {
    }

    /** Runs on the app's thread inside bind(): never throws, never blocks. */
    public static void bound(Object socket) {
        try {
            Consumer<Object> current = listener;
            if (current != null) {
                current.accept(socket);
            }
        } catch (Throwable ignored) {
            // The app's bind succeeded; nothing the agent does may change that.
        }
    }
}
