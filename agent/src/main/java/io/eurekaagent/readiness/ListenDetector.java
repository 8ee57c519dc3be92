package io.eurekaagent.readiness;

import io.eurekaagent.jdk.HookContract;
import io.eurekaagent.jdk.HookInjector;
import io.eurekaagent.lifecycle.AgentThreads;
import io.eurekaagent.log.AgentLog;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.nio.channels.NetworkChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * "The app serves" seen from inside the JDK: the hook {@link BindTransformer} adds ({@link HookInjector}) reports, on
 * the app's threads, every successful server-socket bind and every start of accepting; this only queues them. The
 * agent's thread feeds them to {@link PortChoice} and returns its choice. Once chosen, the hook is detached: the
 * app's later socket calls cost a null check.
 */
public final class ListenDetector implements Readiness {
    private static final long WARN_AFTER_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final int PREPARE_TIMEOUT_SECONDS = 5;
    /** Classes whose binds are the JDK's remote JMX and RMI, never the app's service. */
    private static final String[] JDK_REMOTING = {"sun.rmi.", "jdk.internal.agent.", "sun.management.jmxremote."};

    private final Instrumentation instrumentation;
    private final PortChoice choice;
    private final Readiness fallback;
    private final BlockingQueue<Event> events = new ArrayBlockingQueue<>(256);
    private final Set<Integer> acceptingPorts = ConcurrentHashMap.newKeySet();
    private final CountDownLatch prepared = new CountDownLatch(1);
    private volatile Class<?> hook;

    private ListenDetector(Instrumentation instrumentation, PortChoice choice, Readiness fallback) {
        this.instrumentation = instrumentation;
        this.choice = choice;
        this.fallback = fallback;
    }

    /**
     * Runs in premain, before the app's first bind, and costs next to nothing: from now on a JDK socket class that
     * loads waits (at most {@link #PREPARE_TIMEOUT_SECONDS} s) until {@link #prepare} has defined the hook.
     * @param fallback what readiness becomes if the hook cannot be installed
     */
    public static ListenDetector install(Instrumentation instrumentation, PortChoice choice, Readiness fallback) {
        ListenDetector detector = new ListenDetector(instrumentation, choice, fallback);
        instrumentation.addTransformer(new BindTransformer(new BooleanSupplier() {
            @Override
            public boolean getAsBoolean() {
                return detector.awaitPrepared();
            }
        }), true);
        return detector;
    }

    /**
     * On the agent's thread, while the app starts: defines the hook in java.base, warms the rewriting code, and
     * rewrites the socket classes loaded before premain. Installing all this in premain cost ~40 ms there.
     */
    @Override
    public void prepare() {
        try {
            Class<?> defined =
                    HookInjector.define(instrumentation, HookContract.SOCKET_TEMPLATE, HookContract.SOCKET_HOOK);
            defined.getField(HookContract.ON_BOUND).set(null, new Listener(true));
            defined.getField(HookContract.ON_ACCEPTING).set(null, new Listener(false));
            hook = defined;
        } catch (IOException | ReflectiveOperationException | RuntimeException | LinkageError e) {
            AgentLog.warn("cannot observe the app's server sockets (" + e
                    + "); registering once the port accepts connections instead");
        } finally {
            // Socket classes loading now may go on; the warm-up below only makes their rewriting faster.
            prepared.countDown();
        }
        if (hook == null) {
            return;
        }
        try {
            HookRewriter.warmUp();
        } catch (IOException | RuntimeException e) {
            AgentLog.debug("rewriting warm-up failed: " + e);
        }
        List<Class<?>> loaded = new ArrayList<>();
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            if (BindTransformer.TARGETS.contains(type.getName().replace('.', '/'))) {
                loaded.add(type);
            }
        }
        if (!loaded.isEmpty()) {
            try {
                instrumentation.retransformClasses(loaded.toArray(new Class<?>[0]));
            } catch (UnmodifiableClassException | RuntimeException e) {
                detach();
                AgentLog.warn("cannot watch " + loaded + " (" + e
                        + "); registering once the port accepts connections instead");
            }
        }
    }

    /** For the transformer, on the thread loading a socket class: true once the hook can be called. */
    private boolean awaitPrepared() {
        try {
            return prepared.await(PREPARE_TIMEOUT_SECONDS, TimeUnit.SECONDS) && hook != null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public ServingPort await(BooleanSupplier stop) {
        if (!awaitPrepared()) {
            return fallback.await(stop);
        }
        long start = System.nanoTime();
        boolean warned = false;
        try {
            while (!stop.getAsBoolean()) {
                Event event = events.poll(100, TimeUnit.MILLISECONDS);
                if (event != null && event.bind) {
                    String rejected = choice.bound(event.address, event.thread, event.byJdkRemoting, event.nanos);
                    AgentLog.debug("bound " + event + (rejected == null ? "" : ", not the serving port: " + rejected));
                } else if (event != null) {
                    choice.accepting(event.address.getPort(), event.nanos);
                    AgentLog.debug("accepting on " + event);
                }
                ServingPort serving = choice.decide(System.nanoTime());
                if (serving != null) {
                    AgentLog.info("registering port " + serving.port() + ", " + serving.how());
                    return serving;
                }
                if (!warned && System.nanoTime() - start > WARN_AFTER_NANOS) {
                    warned = true;
                    AgentLog.warn(
                            "the app has accepted connections on no serving port in 30 s; registering once it does");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            detach();
        }
        return null;
    }

    /** The app's later binds and accepts no longer reach the agent. */
    private void detach() {
        Class<?> current = hook;
        hook = null;
        if (current != null) {
            try {
                current.getField(HookContract.ON_BOUND).set(null, null);
                current.getField(HookContract.ON_ACCEPTING).set(null, null);
            } catch (ReflectiveOperationException | RuntimeException e) {
                AgentLog.debug("cannot detach the socket hook: " + e);
            }
        }
    }

    /** Called by the hook on the app's thread, inside bind() or accept(): read the address, queue it, return. */
    private final class Listener implements Consumer<Object> {
        private final boolean bind;

        Listener(boolean bind) {
            this.bind = bind;
        }

        @Override
        public void accept(Object socket) {
            if (Thread.currentThread().getName().startsWith(AgentThreads.PREFIX)) {
                return;
            }
            try {
                SocketAddress local = socket instanceof ServerSocket ? ((ServerSocket) socket).getLocalSocketAddress()
                        : ((NetworkChannel) socket).getLocalAddress();
                if (!(local instanceof InetSocketAddress)) {
                    return;
                }
                int port = ((InetSocketAddress) local).getPort();
                // An accept loop calls accept() once per connection: one event per bound port is enough.
                if (bind) {
                    acceptingPorts.remove(port);
                } else if (!acceptingPorts.add(port)) {
                    return;
                }
                events.offer(new Event(bind, (InetSocketAddress) local, Thread.currentThread().getName(),
                        bind && byJdkRemoting(), System.nanoTime()));
            } catch (IOException | RuntimeException e) {
                // a socket closed under us: not the serving port
            }
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

    private static final class Event {
        final boolean bind;
        final InetSocketAddress address;
        final String thread;
        final boolean byJdkRemoting;
        final long nanos;

        Event(boolean bind, InetSocketAddress address, String thread, boolean byJdkRemoting, long nanos) {
            this.bind = bind;
            this.address = address;
            this.thread = thread;
            this.byJdkRemoting = byJdkRemoting;
            this.nanos = nanos;
        }

        @Override
        public String toString() {
            return address.getAddress().getHostAddress() + ":" + address.getPort() + " (thread " + thread
                    + (byJdkRemoting ? ", JMX/RMI" : "") + ")";
        }
    }
}
