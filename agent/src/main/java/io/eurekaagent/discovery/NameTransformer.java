package io.eurekaagent.discovery;

import io.eurekaagent.jdk.HookContract;
import io.eurekaagent.jdk.JdkHook;
import io.eurekaagent.log.AgentLog;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.Set;

/**
 * Rewrites the JDK's HTTP entry points ({@link NameRewriter}) when they load or are retransformed; nothing else.
 * It refers to no ASM type, so registering it in premain loads no ASM class.
 */
final class NameTransformer implements ClassFileTransformer {
    static final Set<String> TARGETS = Set.of(
            NameRewriter.URL_HANDLER,
            NameRewriter.TLS_URL_HANDLER,
            NameRewriter.HTTP_CLIENT,
            NameRewriter.NETWORK_CLIENT);

    private final JdkHook hook;
    private final boolean retransforming;

    /** @param retransforming true: rewrites classes being retransformed only, false: classes loading only */
    NameTransformer(JdkHook hook, boolean retransforming) {
        this.hook = hook;
        this.retransforming = retransforming;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> redefined,
                            ProtectionDomain domain, byte[] bytes) {
        if (className == null
                || retransforming != (redefined != null)
                || !TARGETS.contains(className)
                || (loader != null && loader != ClassLoader.getPlatformClassLoader())
                || !hook.awaitDefined()) {
            return null;
        }
        try {
            return NameRewriter.instrument(bytes, NameRewriter.Target.of(className), HookContract.NAME_HOOK);
        } catch (Throwable e) {
            AgentLog.warn("cannot resolve service names in " + className.replace('/', '.') + " (" + e
                    + "); calls by name go to DNS");
            return null;
        }
    }
}
