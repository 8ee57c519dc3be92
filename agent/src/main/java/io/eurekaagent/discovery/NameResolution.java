package io.eurekaagent.discovery;

import io.eurekaagent.jdk.HookInjector;
import io.eurekaagent.log.AgentLog;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code eureka.agent.resolve-service-urls=true}: the JDK's {@code HttpURLConnection} (URL.openConnection, openStream)
 * and {@code java.net.http.HttpClient} (send, sendAsync) reach registered services by name, with no code in the app;
 * a refused connection to an instance goes once to the next one.
 */
public final class NameResolution {
    private NameResolution() {
    }

    /** Installs the hook and rewrites the JDK classes, also those already loaded; on any failure says so and skips. */
    public static void install(Instrumentation instrumentation, ServiceResolver resolver) {
        try {
            Class<?> hook = HookInjector.define(instrumentation, NameRewriter.TEMPLATE, NameRewriter.HOOK);
            ServiceUrlRewriter rewriter = new ServiceUrlRewriter(resolver);
            hook.getField("resolver").set(null, rewriter);
            hook.getField("sent").set(null, new ConnectRetry(rewriter));
            hook.getField("refusedHandler").set(null, new RefusedConnection(rewriter));
            instrumentation.addTransformer(new NameTransformer(), true);
            List<Class<?>> targets = new ArrayList<>();
            for (String target : NameTransformer.TARGETS) {
                String name = target.replace('/', '.');
                ClassLoader loader = name.startsWith("jdk.internal.net.http") ? ClassLoader.getPlatformClassLoader() : null;
                targets.add(Class.forName(name, false, loader));
            }
            instrumentation.retransformClasses(targets.toArray(new Class<?>[0]));
            AgentLog.debug("service names resolved for HttpURLConnection and HttpClient");
        } catch (Throwable e) {
            AgentLog.warn("cannot resolve service names (" + e + "); calls by name go to DNS");
        }
    }
}
