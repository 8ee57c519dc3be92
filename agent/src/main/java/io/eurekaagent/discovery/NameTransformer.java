package io.eurekaagent.discovery;

import io.eurekaagent.jdk.HookContract;
import io.eurekaagent.log.AgentLog;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.Set;
import java.util.function.BooleanSupplier;

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

    private final BooleanSupplier hookReady;

    /** @param hookReady waits until the hook class exists; false: leave the class alone */
    NameTransformer(BooleanSupplier hookReady) {
        this.hookReady = hookReady;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> redefined,
                            ProtectionDomain domain, byte[] bytes) {
        if (className == null
                || !TARGETS.contains(className)
                || (loader != null && loader != ClassLoader.getPlatformClassLoader())
                || !hookReady.getAsBoolean()) {
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
