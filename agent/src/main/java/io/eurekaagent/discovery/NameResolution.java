package io.eurekaagent.discovery;

import io.eurekaagent.jdk.HookContract;
import io.eurekaagent.jdk.HookInjector;
import io.eurekaagent.jdk.JdkPackages;
import io.eurekaagent.threads.AgentThreads;
import io.eurekaagent.log.AgentLog;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * {@code eureka.agent.resolve-service-urls=true}: the JDK's {@code HttpURLConnection} (URL.openConnection, openStream)
 * and {@code java.net.http.HttpClient} (send, sendAsync) reach registered services by name, with no code in the app;
 * a refused connection to an instance goes once to the next one.
 * The transformer is registered in premain, so that even a call the app makes first thing in main is resolved: a JDK
 * HTTP class that loads before the agent's thread has defined the hook waits for it (at most 5 s).
 */
public final class NameResolution {
    private static final long HOOK_WAIT_SECONDS = 5;

    private final Instrumentation instrumentation;
    private final CountDownLatch prepared = new CountDownLatch(1);
    private volatile boolean hooked;

    private NameResolution(Instrumentation instrumentation) {
        this.instrumentation = instrumentation;
    }

    /**
     * In premain: costs a transformer, no ASM class (the rewriting loads when a target class does). An anonymous class,
     * not a method reference: the first lambda of a JVM costs premain milliseconds.
     */
    public static NameResolution register(Instrumentation instrumentation) {
        NameResolution names = new NameResolution(instrumentation);
        instrumentation.addTransformer(new NameTransformer(new BooleanSupplier() {
            @Override
            public boolean getAsBoolean() {
                return names.awaitHooked();
            }
        }), true);
        return names;
    }

    /**
     * On the agent's thread: defines the hook with {@code resolver}, then rewrites the JDK classes loaded before
     * premain. On any failure says so; calls by name then go to DNS.
     */
    public void install(ServiceResolver resolver) {
        try {
            Class<?> hook = HookInjector.define(instrumentation, HookContract.NAME_TEMPLATE, HookContract.NAME_HOOK);
            ServiceUrlRewriter rewriter = new ServiceUrlRewriter(resolver);
            hook.getField(HookContract.RESOLVER).set(null, rewriter);
            hook.getField(HookContract.SENT_HANDLER).set(null, new ConnectRetry(rewriter));
            hook.getField(HookContract.REFUSED_HANDLER).set(null, new RefusedConnection(rewriter));
            hook.getField(HookContract.CONNECTING_HANDLER).set(null, new CutOffRetry(rewriter, failedOnce()));
            hooked = true;
        } catch (Throwable e) {
            AgentLog.warn("cannot resolve service names (" + e + "); calls by name go to DNS");
        } finally {
            prepared.countDown();
        }
        if (!hooked) {
            return;
        }
        try {
            List<Class<?>> loaded = new ArrayList<>();
            for (Class<?> type : instrumentation.getAllLoadedClasses()) {
                if (NameTransformer.TARGETS.contains(type.getName().replace('.', '/'))) {
                    loaded.add(type);
                }
            }
            if (!loaded.isEmpty()) {
                instrumentation.retransformClasses(loaded.toArray(new Class<?>[0]));
            }
            AgentLog.debug("service names resolved for HttpURLConnection and HttpClient");
        } catch (Throwable e) {
            AgentLog.warn("cannot resolve service names in the JDK classes loaded already (" + e
                    + "); calls by name through" + " them go to DNS");
        }
    }

    /**
     * {@code sun.net.www.http.HttpClient.failedOnce}, its package opened to the agent (which holds the
     * Instrumentation).
     */
    private Field failedOnce() throws ReflectiveOperationException {
        JdkPackages.open(instrumentation);
        Field field = Class.forName("sun.net.www.http.HttpClient", false, null).getDeclaredField("failedOnce");
        field.setAccessible(true);
        return field;
    }

    /**
     * For the transformer, on the thread loading a JDK HTTP class: true once the hook can be called. The agent's own
     * threads never wait (one of them is defining the hook): what they load before it exists is rewritten after.
     */
    private boolean awaitHooked() {
        if (AgentThreads.isAgentThread()) {
            return hooked;
        }
        try {
            return prepared.await(HOOK_WAIT_SECONDS, TimeUnit.SECONDS) && hooked;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
