package io.eurekaagent.readiness;

import io.eurekaagent.jdk.HookContract;
import io.eurekaagent.log.AgentLog;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Rewrites the JDK's server-socket and selection-key classes as they load ({@link HookRewriter}); nothing else is
 * looked at.
 * A plain transformer rather than Byte Buddy's {@code AgentBuilder}, which costs 300-450 ms and ~1,500 classes in
 * premain: this one costs nothing until one of these classes loads. It refers to no ASM type, so registering
 * it in premain loads no ASM class.
 */
final class BindTransformer implements ClassFileTransformer {
    static final Set<String> TARGETS = Set.of("java/net/ServerSocket", "sun/nio/ch/ServerSocketChannelImpl",
            "sun/nio/ch/AsynchronousServerSocketChannelImpl", "sun/nio/ch/ServerSocketAdaptor",
            "sun/security/ssl/SSLServerSocketImpl", "sun/nio/ch/SelectionKeyImpl");

    private final BooleanSupplier hookReady;

    /** @param hookReady waits until the hook class exists; false: leave the class alone */
    BindTransformer(BooleanSupplier hookReady) {
        this.hookReady = hookReady;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> redefined,
                            ProtectionDomain domain, byte[] bytes) {
        if (loader != null || className == null || !TARGETS.contains(className) || !hookReady.getAsBoolean()) {
            return null;
        }
        try {
            return HookRewriter.instrument(bytes, HookContract.SOCKET_HOOK);
        } catch (Throwable e) {
            AgentLog.warn("cannot watch " + className.replace('/', '.') + " for binds (" + e
                    + "); set the port explicitly" + " or use eureka.agent.register-on=port-open");
            return null;
        }
    }
}
