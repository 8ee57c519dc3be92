package io.eurekaagent.readiness;

import io.eurekaagent.log.AgentLog;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * "The app serves", watched from the agent's thread: the binds and accepts {@link SocketHooks} queues from inside the
 * JDK, and the ports bound in native code that {@link NativePorts} finds listening; {@link PortChoice} decides. A bind
 * is reported as it starts, so its address is read once it has returned; an accept interest registered before the
 * bind (JDK {@code HttpServer.create()} then {@code bind()}) counts from the bind.
 */
final class PortWatch implements Readiness {
    private static final long BIND_GIVEN_UP_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final long SAY_WAITING_AFTER_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** How long after the agent's start-up an app that listens but does not serve counts as still starting. */
    private static final long STARTING_AFTER_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final SocketHooks hooks;
    private final PortChoice choice;
    private final NativePorts nativePorts;
    private final Readiness fallback;
    private final long started;
    /** Binds not known to have returned: their sockets' addresses are set once they have. */
    private final List<SocketEvent> binding = new ArrayList<>();
    /** Accepts not taken in yet: their sockets' binds may still be pending. */
    private final List<SocketEvent> accepts = new ArrayList<>();
    /** Channels the app accepts on before binding them. */
    private final Map<Object, SocketEvent> acceptingUnbound = new IdentityHashMap<>();
    private Waiting waiting;
    /** When the app first listened (System.nanoTime), once it has. */
    private long listenedAt;
    private boolean listened;
    private boolean starting;
    private boolean saidWaiting;

    /** @param fallback what readiness becomes if the hook cannot be installed */
    PortWatch(SocketHooks hooks, PortChoice choice, NativePorts nativePorts, Readiness fallback, long started) {
        this.hooks = hooks;
        this.choice = choice;
        this.nativePorts = nativePorts;
        this.fallback = fallback;
        this.started = started;
    }

    @Override
    public void prepare() {
        hooks.prepare();
    }

    @Override
    public ReadyPort await(BooleanSupplier stop, Waiting waiting) {
        if (!hooks.awaitPrepared()) {
            return fallback.await(stop, waiting);
        }
        this.waiting = waiting;
        try {
            while (!stop.getAsBoolean()) {
                SocketEvent event = hooks.events().poll(binding.isEmpty() ? 50 : 1, TimeUnit.MILLISECONDS);
                for (; event != null; event = hooks.events().poll()) {
                    handle(event);
                }
                long now = System.nanoTime();
                ReadyPort serving = step(now);
                if (serving != null) {
                    AgentLog.info("registering port " + serving.port() + ", " + serving.how());
                    return serving;
                }
                if (listened && !starting && now - listenedAt >= STARTING_AFTER_NANOS) {
                    // Bound but not serving: there is time to warm up what registering runs.
                    starting = true;
                    waiting.appStarting();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            hooks.detach();
        }
        return null;
    }

    void handle(SocketEvent event) {
        switch (event.kind) {
            case NATIVE_TRANSPORT:
                AgentLog.debug("native transport loaded: " + event.socket);
                nativePorts.transport((String) event.socket, event.nanos);
                appListens();
                break;
            case BINDING:
                binding.add(event);
                appListens();
                break;
            default:
                accepts.add(event);
        }
    }

    /** Takes in what happened since, and decides: the serving port, or null (not yet). */
    ReadyPort step(long now) {
        for (Iterator<SocketEvent> pending = binding.iterator(); pending.hasNext(); ) {
            SocketEvent bind = pending.next();
            InetSocketAddress address = SocketHooks.localAddress(bind.socket);
            if (address != null) {
                pending.remove();
                bound(bind, address);
            } else if (now - bind.nanos > BIND_GIVEN_UP_NANOS) {
                pending.remove();
            }
        }
        for (Iterator<SocketEvent> pending = accepts.iterator(); pending.hasNext(); ) {
            SocketEvent accept = pending.next();
            // Interest registered before the bind: its socket may be bound by now.
            InetSocketAddress address =
                    accept.address != null ? accept.address : SocketHooks.localAddress(accept.socket);
            if (address == null) {
                acceptingUnbound.put(accept.socket, accept);
            } else if (choice.knows(address.getPort())) {
                AgentLog.debug("accepting on " + where(address) + " (thread " + accept.thread + ")");
                choice.accepting(address.getPort(), accept.thread, accept.nanos);
            } else if (!binding.isEmpty()) {
                // its bind may be one of those under way
                continue;
            }
            pending.remove();
        }
        // A socket whose bind is under way would look native: wait until it has returned.
        if (binding.isEmpty()) {
            List<InetSocketAddress> found = nativePorts.lookIfDue(now, choice.anyCandidate());
            // A JDK bind whose event came in while the sockets were read would look native (Dropwizard's admin
            // port, passed over without a word, 1 start in 20 under load): the hooks' word first, the next look later.
            if (!hooks.events().isEmpty()) {
                found = List.of();
            }
            for (InetSocketAddress address : found) {
                if (choice.listening(address, nativePorts.how(), PortThreads.naming(address.getPort()), now)) {
                    AgentLog.debug("listening on " + where(address) + ", bound where the hooks do not see");
                    appListens();
                }
            }
        }
        ReadyPort serving = choice.decide(now);
        if (serving == null && !saidWaiting && !choice.anyCandidate() && now - started > SAY_WAITING_AFTER_NANOS) {
            saidWaiting = true;
            AgentLog.info("the app has bound no port to register in " + (now - started) / 1_000_000_000
                    + " s; registering once it does (eureka.agent.register-on=start: an app that serves none)");
        }
        return serving;
    }

    private void bound(SocketEvent bind, InetSocketAddress address) {
        hooks.bound(address.getPort());
        String verdict = choice.bound(address, bind.thread, bind.byJdkRemoting, bind.nanos);
        if (verdict != null) {
            AgentLog.debug("bound " + where(address) + " (thread " + bind.thread
                    + (bind.byJdkRemoting ? ", JMX/RMI" : "") + "): " + verdict);
        }
        SocketEvent early = acceptingUnbound.remove(bind.socket);
        if (early != null) {
            choice.accepting(address.getPort(), early.thread, bind.nanos);
        }
    }

    /** The app's first sign of listening: the agent's own start-up work may begin. */
    private void appListens() {
        if (!listened && waiting != null) {
            listened = true;
            waiting.appListens();
            listenedAt = System.nanoTime();
        }
    }

    private static String where(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }
}
