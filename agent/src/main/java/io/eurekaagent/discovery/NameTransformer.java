package io.eurekaagent.discovery;

import io.eurekaagent.jdk.HookContract;
import io.eurekaagent.jdk.HookTransformer;
import io.eurekaagent.jdk.JdkHook;
import java.util.Set;

/**
 * Rewrites the JDK's HTTP entry points ({@link NameRewriter}). It refers to no ASM type, so registering it in premain
 * loads no ASM class.
 */
final class NameTransformer extends HookTransformer {
    private static final Set<String> TARGETS = Set.of(
            NameRewriter.URL_HANDLER,
            NameRewriter.TLS_URL_HANDLER,
            NameRewriter.HTTP_CLIENT,
            NameRewriter.NETWORK_CLIENT);

    private final JdkHook hook;

    NameTransformer(JdkHook hook, boolean retransforming) {
        super(TARGETS, retransforming);
        this.hook = hook;
    }

    @Override
    protected boolean awaitHook() {
        return hook.awaitDefined();
    }

    @Override
    protected byte[] instrument(byte[] bytes, String className) {
        return NameRewriter.instrument(bytes, NameRewriter.Target.of(className), HookContract.NAME_HOOK);
    }

    @Override
    protected String cannotRewrite(String className, Throwable cause) {
        return "cannot resolve service names in " + className + " (" + cause + "); calls by name go to DNS";
    }
}
