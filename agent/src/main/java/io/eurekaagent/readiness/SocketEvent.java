package io.eurekaagent.readiness;

import java.net.InetSocketAddress;

/** What the socket hook saw on one of the app's threads, queued for the agent's thread. */
final class SocketEvent {
    enum Kind {
        /** bind() started: the address is set once it returns. */
        BINDING,
        /** accept() started, or interest in OP_ACCEPT was registered (possibly before the bind). */
        ACCEPTING,
        /** A native transport's server channel class loaded: its binds will not pass through the JDK. */
        NATIVE_TRANSPORT
    }

    final Kind kind;
    /** The ServerSocket or channel; for NATIVE_TRANSPORT, the class name. */
    final Object socket;
    /** The bound address of an ACCEPTING socket, or null (not bound yet). */
    final InetSocketAddress address;
    final String thread;
    /** Whether the JDK's JMX or RMI code is binding. */
    final boolean byJdkRemoting;
    final long nanos;

    SocketEvent(Kind kind, Object socket, InetSocketAddress address, String thread, boolean byJdkRemoting,
            long nanos) {
        this.kind = kind;
        this.socket = socket;
        this.address = address;
        this.thread = thread;
        this.byJdkRemoting = byJdkRemoting;
        this.nanos = nanos;
    }
}
