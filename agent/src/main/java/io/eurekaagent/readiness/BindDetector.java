package io.eurekaagent.readiness;

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

    private final PortChoice choice;
    private final BlockingQueue<Bind> binds = new ArrayBlockingQueue<>(64);
    private volatile long boundAtNanos;

    private BindDetector(PortChoice choice) {
        this.choice = choice;
    }

    /**
     * Hooks the JDK's bind methods. Must run in premain, before the app's first bind.
     * @throws IOException when binds cannot be observed in this JVM (the caller falls back to polling the port)
     */
    public static BindDetector install(Instrumentation instrumentation, PortChoice choice) throws IOException {
        BindDetector detector = new BindDetector(choice);
        try {
            HookInjector.inject(instrumentation, detector);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IOException("cannot define the bind hook in java.base: " + e, e);
        }
        instrumentation.addTransformer(new BindTransformer(), true);
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
                throw new IOException("cannot retransform " + loaded + ": " + e);
            }
        }
        return detector;
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
