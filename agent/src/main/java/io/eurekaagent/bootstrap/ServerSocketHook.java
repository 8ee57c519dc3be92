package io.eurekaagent.bootstrap;

import java.nio.channels.SelectionKey;
import java.util.function.Consumer;

/**
 * The template of the agent class that lives inside java.base (renamed {@code sun.nio.ch.EurekaAgentServerSocketHook}
 * by the agent): the JDK's server-socket methods call it first thing when the app binds a socket and when it starts
 * accepting on one, and JDK code can only see JDK classes. It reaches the agent through a JDK type ({@link Consumer}).
 * This copy itself is never called by the JDK.
 */
public final class ServerSocketHook {
    /** Set by the agent; receives the ServerSocket, ServerSocketChannel or AsynchronousServerSocketChannel binding. */
    public static volatile Consumer<Object> onBinding;
    /** Set by the agent; receives the same sockets when the app accepts on them, blocking, async or by a selector. */
    public static volatile Consumer<Object> onAccepting;

    private ServerSocketHook() {
    }

    /** Runs on the app's thread as bind() starts: the address is known once it returns. */
    public static void binding(Object socket) {
        call(onBinding, socket);
    }

    /** Runs on the app's thread as accept() starts. */
    public static void accepting(Object socket) {
        call(onAccepting, socket);
    }

    /** Runs as a selection key's interest changes: on every read and write of NIO servers, so it returns at once. */
    public static void interest(Object key, int ops) {
        Consumer<Object> listener = onAccepting;
        if ((ops & SelectionKey.OP_ACCEPT) != 0 && listener != null) {
            call(listener, ((SelectionKey) key).channel());
        }
    }

    /** Never throws, never blocks: the app's socket call goes on whatever the agent does. */
    private static void call(Consumer<Object> listener, Object socket) {
        try {
            if (listener != null) {
                listener.accept(socket);
            }
        } catch (Throwable ignored) {
            // nothing the agent does may change the app's call
        }
    }
}
