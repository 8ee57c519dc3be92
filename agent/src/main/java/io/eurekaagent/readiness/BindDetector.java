package io.eurekaagent.readiness;

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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * "The app listens" seen from inside the JDK: every successful server-socket bind is reported by the hook
 * {@link BindTransformer} adds ({@link HookInjector}) on the app's thread, which only queues the address; the agent's thread picks the
 * serving port ({@link PortChoice}) and returns as soon as it is bound.
 */
public final class BindDetector implements Readiness, Consumer<Object> {
    private static final long WARN_AFTER_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final int PREPARE_TIMEOUT_SECONDS = 5;

    private final PortChoice choice;
    private final BlockingQueue<Bind> binds = new ArrayBlockingQueue<>(64);
    private final Readiness fallback;
    private final CountDownLatch prepared = new CountDownLatch(1);
    private volatile boolean hooked;
    private volatile long boundAtNanos;

    private final Instrumentation instrumentation;

    private BindDetector(Instrumentation instrumentation, PortChoice choice, Readiness fallback) {
        this.instrumentation = instrumentation;
        this.choice = choice;
        this.fallback = fallback;
    }

    /**
     * Runs in premain, before the app's first bind, and costs next to nothing: from now on a JDK socket class that
     * loads waits (at most {@link #PREPARE_TIMEOUT_SECONDS} s) until {@link #prepare} has defined the hook.
     * @param fallback what readiness becomes if the hook cannot be installed
     */
    public static BindDetector install(Instrumentation instrumentation, PortChoice choice, Readiness fallback) {
        BindDetector detector = new BindDetector(instrumentation, choice, fallback);
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
            HookInjector.define(instrumentation, HookRewriter.TEMPLATE, HookRewriter.HOOK).getField("listener").set(null, this);
            hooked = true;
        } catch (IOException | ReflectiveOperationException | RuntimeException | LinkageError e) {
            AgentLog.warn("cannot observe the app's binds (" + e + "); registering once the port accepts connections instead");
        } finally {
            // Socket classes loading now may go on; the warm-up below only makes their rewriting faster.
            prepared.countDown();
        }
        if (!hooked) {
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
                hooked = false;
                AgentLog.warn("cannot watch " + loaded + " for binds (" + e + "); registering once the port accepts connections instead");
            }
        }
    }

    /** For the transformer, on the thread loading a socket class: true once the hook can be called. */
    private boolean awaitPrepared() {
        try {
            return prepared.await(PREPARE_TIMEOUT_SECONDS, TimeUnit.SECONDS) && hooked;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** From {@link BindHook}, on the app's thread, inside bind(): read the address, queue it, return. */
    @Override
    public void accept(Object socket) {
        if (Thread.currentThread().getName().startsWith(AgentThreads.PREFIX)) {
            return;
        }
        try {
            SocketAddress local = socket instanceof ServerSocket ? ((ServerSocket) socket).getLocalSocketAddress()
                    : ((NetworkChannel) socket).getLocalAddress();
            if (local instanceof InetSocketAddress) {
                binds.offer(new Bind((InetSocketAddress) local, Thread.currentThread().getName(), System.nanoTime()));
            }
        } catch (IOException | RuntimeException e) {
            // a socket closed under us: not the serving port
        }
    }

    @Override
    public int await(BooleanSupplier stop) {
        if (!awaitPrepared()) {
            return fallback.await(stop);
        }
        long start = System.nanoTime();
        boolean warned = false;
        while (!stop.getAsBoolean()) {
            Bind bind;
            try {
                bind = binds.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return STOPPED;
            }
            if (bind == null) {
                if (!warned && System.nanoTime() - start > WARN_AFTER_NANOS) {
                    warned = true;
                    AgentLog.warn("the app has bound no serving port in 30 s; registering once it does");
                }
                continue;
            }
            String rejected = choice.reject(bind.address);
            if (rejected != null) {
                AgentLog.debug("not registering " + bind + ": " + rejected);
                continue;
            }
            boundAtNanos = bind.nanos;
            AgentLog.info("the app listens on " + bind + "; registering port " + bind.address.getPort() + ", " + choice.reason());
            return bind.address.getPort();
        }
        return STOPPED;
    }

    /** When the chosen bind happened. */
    @Override
    public long readySince() {
        if (!hooked) {
            return fallback.readySince();
        }
        return boundAtNanos;
    }

    private static final class Bind {
        final InetSocketAddress address;
        final String thread;
        final long nanos;

        Bind(InetSocketAddress address, String thread, long nanos) {
            this.address = address;
            this.thread = thread;
            this.nanos = nanos;
        }

        @Override
        public String toString() {
            return address.getAddress().getHostAddress() + ":" + address.getPort() + " (bound by thread " + thread + ")";
        }
    }
}
