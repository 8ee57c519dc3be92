package io.eurekaagent.testing;

import io.eurekaagent.client.EurekaCalls;
import io.eurekaagent.client.EurekaResponse;
import io.eurekaagent.client.EurekaUnavailableException;
import io.eurekaagent.config.ServiceUrl;
import io.eurekaagent.instance.InstanceInfo;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Eureka as the registrar sees it, with no network: each kind of call answers the next of its script (an HTTP
 * status, or a Throwable to throw; the last one repeats), and every call is recorded with the time it was made at.
 */
public final class ScriptedEureka implements EurekaCalls {
    public static final ServiceUrl SERVER = ServiceUrl.parse("http://agent:s3cret@eureka-1:8761/eureka/");

    private final LongSupplier nanoTime;
    private final Map<String, Deque<Object>> scripts = Map.of("register", new ArrayDeque<>(List.of(204)),
            "renew", new ArrayDeque<>(List.of(200)), "cancel", new ArrayDeque<>(List.of(200)));
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> registeredDirty = Collections.synchronizedList(new ArrayList<>());
    private volatile Runnable duringRegistration = () -> { };

    /** @param nanoTime the time calls are recorded at */
    public ScriptedEureka(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** What {@code call} ("register", "renew" or "cancel") answers next: statuses or Throwables, the last repeating. */
    public ScriptedEureka answers(String call, Object... answers) {
        Deque<Object> script = scripts.get(call);
        script.clear();
        script.addAll(List.of(answers));
        return this;
    }

    /** Runs inside each registration before it answers (to hold it in flight). */
    public ScriptedEureka duringRegistration(Runnable action) {
        duringRegistration = action;
        return this;
    }

    /** Each call as {@code "<ms> <call> <what it carried>"}, in order. */
    public List<String> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** Adds a line of the test's own to {@link #calls}, to show where something happened among them. */
    public void note(String line) {
        calls.add(line);
    }

    /** The lastDirtyTimestamp each registration carried, in order. */
    public List<Long> registeredDirty() {
        synchronized (registeredDirty) {
            return List.copyOf(registeredDirty);
        }
    }

    @Override
    public EurekaResponse register(InstanceInfo instance) throws EurekaUnavailableException {
        registeredDirty.add(instance.lastDirtyTimestamp());
        record("register", instance.status() + (instance.statusPageUrl() == null ? " without status page" : ""));
        duringRegistration.run();
        return next("register");
    }

    @Override
    public EurekaResponse renew(InstanceInfo instance) throws EurekaUnavailableException {
        record("renew", instance.status().toString());
        return next("renew");
    }

    @Override
    public EurekaResponse cancel(InstanceInfo instance, Duration budget) throws EurekaUnavailableException {
        record("cancel", "within " + budget.toMillis() + " ms");
        return next("cancel");
    }

    private void record(String call, String carried) {
        calls.add(nanoTime.getAsLong() / 1_000_000 + " " + call + " " + carried);
    }

    private EurekaResponse next(String call) throws EurekaUnavailableException {
        Deque<Object> script = scripts.get(call);
        Object next = script.size() > 1 ? script.poll() : script.peek();
        if (next instanceof EurekaUnavailableException) {
            throw (EurekaUnavailableException) next;
        }
        if (next instanceof RuntimeException) {
            throw (RuntimeException) next;
        }
        if (next instanceof Error) {
            throw (Error) next;
        }
        return new EurekaResponse((Integer) next, new byte[0], false, SERVER);
    }
}
