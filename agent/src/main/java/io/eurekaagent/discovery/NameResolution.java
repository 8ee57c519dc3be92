package io.eurekaagent.discovery;

import io.eurekaagent.jdk.HookContract;
import io.eurekaagent.jdk.JdkHook;
import io.eurekaagent.jdk.JdkPackages;
import io.eurekaagent.log.AgentLog;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;

/**
 * {@code eureka.agent.resolve-service-urls=true}: the JDK's {@code HttpURLConnection} (URL.openConnection, openStream)
 * and {@code java.net.http.HttpClient} (send, sendAsync) reach registered services by name, with no code in the app;
 * a refused connection to an instance goes once to the next one.
 * The transformer is registered in premain, so that even a call the app makes first thing in main is resolved: a JDK
 * HTTP class that loads before the agent's thread has defined the hook waits for it (at most 5 s).
 */
public final class NameResolution {
    private final Instrumentation instrumentation;
    private final JdkHook hook;

    private NameResolution(Instrumentation instrumentation) {
        this.instrumentation = instrumentation;
        this.hook = new JdkHook(instrumentation, HookContract.NAME_TEMPLATE, HookContract.NAME_HOOK);
    }

    /** In premain: costs a transformer, no ASM class (the rewriting loads when a target class does). */
    public static NameResolution register(Instrumentation instrumentation) {
        NameResolution names = new NameResolution(instrumentation);
        instrumentation.addTransformer(new NameTransformer(names.hook, false));
        return names;
    }

    /**
     * On the agent's thread: defines the hook with {@code resolver}, then rewrites the JDK classes loaded before
     * premain. On any failure says so; calls by name then go to DNS.
     */
    public void install(ServiceResolver resolver) {
        try {
            ServiceUrlRewriter rewriter = new ServiceUrlRewriter(resolver);
            hook.define(Map.of(HookContract.RESOLVER, rewriter,
                    HookContract.SENT_HANDLER, new ConnectRetry(rewriter),
                    HookContract.REFUSED_HANDLER, new RefusedConnection(rewriter),
                    HookContract.CONNECTING_HANDLER, new CutOffRetry(rewriter, failedOnce())));
        } catch (Throwable e) {
            hook.abandon();
            AgentLog.warn("cannot resolve service names (" + e + "); calls by name go to DNS");
            return;
        }
        try {
            hook.rewriteLoaded(List.of(Object.class), new NameTransformer(hook, true));
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
}
