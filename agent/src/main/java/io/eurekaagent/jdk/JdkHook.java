package io.eurekaagent.jdk;

import io.eurekaagent.threads.AgentThreads;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How each of the agent's hooks gets into the JDK (readiness's socket hook, discovery's name hook), in three steps:
 * in premain a transformer is added that rewrites the target classes as they load, calling {@link #awaitDefined}
 * first; on the agent's thread {@link #define} puts the hook class into java.base with its handlers; then
 * {@link #rewriteLoaded} rewrites the targets that loaded before premain.
 */
public final class JdkHook {
    /** The longest an app's thread loading a target class waits for the hook. */
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final Instrumentation instrumentation;
    private final String template;
    private final String name;
    private final Duration wait;
    private final CountDownLatch settled = new CountDownLatch(1);
    private volatile Class<?> hook;

    /**
     * @param instrumentation null in tests that never define it
     * @param template the hook's template in the agent's {@code bootstrap} package ({@link HookContract})
     * @param name the hook's name in java.base
     */
    public JdkHook(Instrumentation instrumentation, String template, String name) {
        this(instrumentation, template, name, WAIT);
    }

    JdkHook(Instrumentation instrumentation, String template, String name, Duration wait) {
        this.instrumentation = instrumentation;
        this.template = template;
        this.name = name;
        this.wait = wait;
    }

    /**
     * On the agent's thread: defines the hook with these static fields set, then lets the target classes that wait
     * for it load. On a failure, thrown, they load unchanged.
     */
    public void define(Map<String, Object> fields) throws IOException, ReflectiveOperationException {
        try {
            Class<?> defined = HookInjector.define(instrumentation, template, name);
            for (Map.Entry<String, Object> field : fields.entrySet()) {
                defined.getField(field.getKey()).set(null, field.getValue());
            }
            hook = defined;
        } finally {
            settled.countDown();
        }
    }

    /** The hook will not be defined (its handlers could not be made): the target classes load unchanged, at once. */
    public void abandon() {
        settled.countDown();
    }

    /**
     * For a transformer, on the thread loading a target class: true once the hook can be called, false to leave the
     * class as it is. The agent's own threads never wait (one of them is defining the hook): what they load before it
     * exists is rewritten by {@link #rewriteLoaded}.
     */
    public boolean awaitDefined() {
        if (AgentThreads.isAgentThread()) {
            return hook != null;
        }
        try {
            return settled.await(wait.toNanos(), TimeUnit.NANOSECONDS) && hook != null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Sets these fields of the hook back to null: the rewritten JDK code then costs a null check. */
    public void clear(String... fields) throws ReflectiveOperationException {
        Class<?> defined = hook;
        if (defined != null) {
            for (String field : fields) {
                defined.getField(field).set(null, null);
            }
        }
    }

    /**
     * Rewrites the targets loaded already (before premain, or by an agent thread before {@link #define}) through
     * {@code retransformer}, added for them alone: a retransform-capable transformer left in place costs every class
     * the app loads.
     * @param kinds the JDK types every target is or extends: the names of only these are read (a thousand classes'
     *     names cost the app's start ~3 ms)
     *
     * <p>Each target is linked first: a class retransformed while an app thread links it can crash the JVM (the HotSpot
     * race JDK-8277444; seen in our CI on 17.0.15 as a SIGSEGV in {@code Rewriter::rewrite_member_reference}).
     */
    public void rewriteLoaded(List<Class<?>> kinds, HookTransformer retransformer) throws UnmodifiableClassException {
        Set<String> targets = retransformer.targets();
        List<Class<?>> loaded = new ArrayList<>();
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            if (isOneOf(type, kinds) && targets.contains(type.getName().replace('.', '/')) && linked(type)) {
                loaded.add(type);
            }
        }
        if (loaded.isEmpty()) {
            return;
        }
        instrumentation.addTransformer(retransformer, true);
        try {
            instrumentation.retransformClasses(loaded.toArray(new Class<?>[0]));
        } finally {
            instrumentation.removeTransformer(retransformer);
        }
    }

    /**
     * Links the class (HotSpot links a class before it lists its members) unless linked already; false if it cannot
     * be linked: it will never run, so there is nothing to rewrite. A SecurityManager that refuses the listing leaves
     * the class to be rewritten as it is.
     */
    static boolean linked(Class<?> type) {
        try {
            type.getConstructors();
            return true;
        } catch (SecurityException e) {
            return true;
        } catch (LinkageError e) {
            return false;
        }
    }

    private static boolean isOneOf(Class<?> type, List<Class<?>> kinds) {
        for (Class<?> kind : kinds) {
            if (kind.isAssignableFrom(type)) {
                return true;
            }
        }
        return false;
    }
}
