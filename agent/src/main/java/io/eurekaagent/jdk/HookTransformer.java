package io.eurekaagent.jdk;

import io.eurekaagent.log.AgentLog;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.Set;

/**
 * Rewrites a hook's JDK target classes and nothing else: as they load (added in premain, not retransform-capable:
 * such a transformer costs every class the app loads), or as {@link JdkHook#rewriteLoaded} retransforms the ones
 * loaded before. A target waits for its hook first; a rewrite that fails leaves the class as it is, said in one line.
 */
public abstract class HookTransformer implements ClassFileTransformer {
    private final Set<String> targets;
    private final boolean retransforming;

    /** @param retransforming true: rewrites classes being retransformed only, false: classes loading only */
    protected HookTransformer(Set<String> targets, boolean retransforming) {
        this.targets = targets;
        this.retransforming = retransforming;
    }

    Set<String> targets() {
        return targets;
    }

    @Override
    public final byte[] transform(Module module, ClassLoader loader, String className, Class<?> redefined,
                                  ProtectionDomain domain, byte[] bytes) {
        if (className == null || retransforming != (redefined != null)) {
            return null;
        }
        if (loader != null && loader != ClassLoader.getPlatformClassLoader()) {
            appClassLoading(className);
            return null;
        }
        if (!targets.contains(className) || !awaitHook()) {
            return null;
        }
        try {
            return instrument(bytes, className);
        } catch (Throwable e) {
            AgentLog.warn(cannotRewrite(className.replace('/', '.'), e));
            return null;
        }
    }

    /** On the thread loading a target: true once the hook can be called, false to leave the class as it is. */
    protected abstract boolean awaitHook();

    /** {@code bytes} calling the hook, or null to leave them as they are. */
    protected abstract byte[] instrument(byte[] bytes, String className);

    /** The line that says what a target left as it is means for the app. */
    protected abstract String cannotRewrite(String className, Throwable cause);

    /** An app's (not the JDK's) class is loading: none is rewritten, but one may tell something. */
    protected void appClassLoading(String className) {
    }
}
