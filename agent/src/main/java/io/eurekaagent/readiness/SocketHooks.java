package io.eurekaagent.readiness;

import io.eurekaagent.jdk.HookContract;
import io.eurekaagent.jdk.JdkHook;
import io.eurekaagent.log.AgentLog;
import io.eurekaagent.threads.AgentThreads;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.nio.channels.AsynchronousServerSocketChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The socket hook inside the JDK ({@link BindTransformer}, {@link JdkHook}): installed in premain, defined on the
 * agent's thread, reporting on the app's threads every bind and every start of accepting, which it only queues as
 * {@link SocketEvent}s. Once the port is chosen it is detached: the app's later socket calls cost a null check.
 */
final class SocketHooks implements BindTransformer.Hooks {
    /**
     * The JDK types every socket class the hook goes into is or extends. A holder: loaded by {@link #prepare}, after
     * the transformer, not with this class in premain, which would load them before it.
     */
    private static final class SocketTypes {
        static final List<Class<?>> ALL = List.of(ServerSocket.class, ServerSocketChannel.class,
                AsynchronousServerSocketChannel.class, SelectionKey.class);
    }

    /** Classes whose binds are the JDK's remote JMX and RMI, never the app's service. */
    private static final String[] JDK_REMOTING = {"sun.rmi.", "jdk.internal.agent.", "sun.management.jmxremote."};

    private final Instrumentation instrumentation;
    private final BlockingQueue<SocketEvent> events = new ArrayBlockingQueue<>(256);
    private final Set<Integer> acceptingPorts = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean nativeSeen = new AtomicBoolean();
    private final JdkHook hook;
    private volatile boolean detached;
    private volatile BindTransformer transformer;

    /** @param instrumentation null in tests that only queue events */
    SocketHooks(Instrumentation instrumentation) {
        this.instrumentation = instrumentation;
        this.hook = new JdkHook(instrumentation, HookContract.SOCKET_TEMPLATE, HookContract.SOCKET_HOOK);
    }

    /**
     * In premain, before the app's first bind, at next to no cost: from now on a JDK socket class that loads waits
     * (at most 5 s) until {@link #prepare} has defined the hook.
     */
    static SocketHooks install(Instrumentation instrumentation) {
        SocketHooks hooks = new SocketHooks(instrumentation);
        // Not retransform-capable: such a transformer costs every class the app loads (~15 ms of a 0.3 s start).
        hooks.transformer = new BindTransformer(hooks, false);
        instrumentation.addTransformer(hooks.transformer);
        return hooks;
    }

    /**
     * On the agent's thread, first thing: defines the hook in java.base and rewrites the socket classes loaded before
     * premain. False when the hook cannot be installed (said in one line).
     */
    boolean prepare() {
        try {
            hook.define(Map.of(HookContract.ON_BINDING, new Listener(SocketEvent.Kind.BINDING),
                    HookContract.ON_ACCEPTING, new Listener(SocketEvent.Kind.ACCEPTING)));
        } catch (IOException | ReflectiveOperationException | RuntimeException | LinkageError e) {
            AgentLog.warn("cannot observe the app's server sockets (" + e
                    + "); registering once the port accepts connections instead");
            return false;
        }
        try {
            // Loaded before premain (another agent's doing).
            hook.rewriteLoaded(SocketTypes.ALL, new BindTransformer(this, true));
        } catch (UnmodifiableClassException | RuntimeException e) {
            detach();
            AgentLog.warn("cannot watch the socket classes loaded before the agent (" + e
                    + "); registering once the port accepts connections instead");
            return false;
        }
        return true;
    }

    /** For the transformer, on the thread loading a socket class: true once the hook can be called. */
    @Override
    public boolean awaitPrepared() {
        return hook.awaitDefined() && !detached;
    }

    @Override
    public void nativeTransport(String className) {
        if (nativeSeen.compareAndSet(false, true)) {
            events.offer(new SocketEvent(SocketEvent.Kind.NATIVE_TRANSPORT, className, null,
                    Thread.currentThread().getName(), false, System.nanoTime()));
        }
    }

    BlockingQueue<SocketEvent> events() {
        return events;
    }

    /** A socket was bound to {@code port}: its accepts are news again (an app may close a port and bind it anew). */
    void bound(int port) {
        acceptingPorts.remove(port);
    }

    /** The app's later binds and accepts no longer reach the agent, nor the classes it loads the transformer. */
    void detach() {
        BindTransformer installed = transformer;
        transformer = null;
        if (installed != null) {
            instrumentation.removeTransformer(installed);
        }
        detached = true;
        try {
            hook.clear(HookContract.ON_BINDING, HookContract.ON_ACCEPTING);
        } catch (ReflectiveOperationException | RuntimeException e) {
            AgentLog.debug("cannot detach the socket hook: " + e);
        }
    }

    /** The address a server socket is bound to, or null (not bound yet, closed, or not an IP socket). */
    static InetSocketAddress localAddress(Object socket) {
        try {
            SocketAddress local = socket instanceof ServerSocket ? ((ServerSocket) socket).getLocalSocketAddress()
                    : ((NetworkChannel) socket).getLocalAddress();
            return local instanceof InetSocketAddress ? (InetSocketAddress) local : null;
        } catch (IOException | RuntimeException closed) {
            return null;
        }
    }

    /** Called by the hook on the app's thread, as bind() or accept() starts: note what it can, queue it, return. */
    private final class Listener implements Consumer<Object> {
        private final SocketEvent.Kind kind;

        Listener(SocketEvent.Kind kind) {
            this.kind = kind;
        }

        @Override
        public void accept(Object socket) {
            if (AgentThreads.isAgentThread()) {
                return;
            }
            String thread = Thread.currentThread().getName();
            InetSocketAddress address = null;
            if (kind == SocketEvent.Kind.ACCEPTING) {
                address = localAddress(socket);
                // An accept loop calls accept() once per connection: one event per bound port is enough.
                if (address != null && !acceptingPorts.add(address.getPort())) {
                    return;
                }
            }
            events.offer(new SocketEvent(kind, socket, address, thread,
                    kind == SocketEvent.Kind.BINDING && byJdkRemoting(), System.nanoTime()));
        }
    }

    /** Whether the JDK's JMX agent or RMI runtime is binding: their ports never serve the app's callers. */
    private static boolean byJdkRemoting() {
        for (StackTraceElement frame : new Throwable().getStackTrace()) {
            for (String prefix : JDK_REMOTING) {
                if (frame.getClassName().startsWith(prefix)) {
                    return true;
                }
            }
        }
        return false;
    }
}
