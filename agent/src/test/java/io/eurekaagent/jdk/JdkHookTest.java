package io.eurekaagent.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.eurekaagent.threads.AgentThreads;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import org.junit.jupiter.api.Test;

/**
 * The one rule of waiting for a hook: an app thread loading a target class waits until the hook is defined or given
 * up, an agent thread never waits. The wait here is ten minutes, so that a thread that waited would hang the test.
 */
class JdkHookTest {
    private final JdkHook hook = new JdkHook(null, HookContract.NAME_TEMPLATE, HookContract.NAME_HOOK,
            Duration.ofMinutes(10));

    @Test
    void anAppThreadWaitsUntilTheHookIsGivenUpThenLoadsTheClassUnchanged() throws Exception {
        CompletableFuture<Boolean> loading = new CompletableFuture<>();
        Thread app = new Thread(() -> loading.complete(hook.awaitDefined()), "main");
        app.start();

        hook.abandon();

        assertFalse(loading.get(60, TimeUnit.SECONDS));
    }

    @Test
    void aHookThatCannotBeDefinedReleasesTheWaitingThreads() throws Exception {
        CompletableFuture<Boolean> loading = new CompletableFuture<>();
        Thread app = new Thread(() -> loading.complete(hook.awaitDefined()), "main");
        app.start();

        // No Instrumentation: defining fails as on a JVM that refuses it.
        assertThrows(RuntimeException.class, () -> hook.define(Map.of()));

        assertFalse(loading.get(60, TimeUnit.SECONDS));
    }

    @Test
    void anAgentThreadNeverWaitsForAHookOneOfThemIsDefining() throws Exception {
        CompletableFuture<Boolean> loading = new CompletableFuture<>();
        AgentThreads.newThread("lookup", () -> loading.complete(hook.awaitDefined())).start();

        // Neither defined nor given up: an app thread would wait here for ten minutes.
        assertFalse(loading.get(60, TimeUnit.SECONDS));
    }

    @Test
    void theLoadedTargetsAreLinkedBeforeTheyAreRetransformedAndOneThatCannotBeIsLeftAlone() throws Exception {
        // Loaded, not linked: linking is when the JVM verifies a class, so only linking finds the broken one out.
        Class<?> sound = unlinked("io.eurekaagent.jdk.Sound", Opcodes.ACONST_NULL);
        Class<?> broken = unlinked("io.eurekaagent.jdk.Broken", Opcodes.ICONST_0);
        List<Class<?>> retransformed = new ArrayList<>();
        Instrumentation instrumentation = (Instrumentation) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Instrumentation.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getAllLoadedClasses")) {
                        return new Class<?>[] {broken, sound};
                    }
                    if (method.getName().equals("retransformClasses")) {
                        retransformed.addAll(Arrays.asList((Class<?>[]) args[0]));
                    }
                    return method.getName().equals("removeTransformer") ? true : null;
                });
        JdkHook loaded = new JdkHook(instrumentation, HookContract.NAME_TEMPLATE, HookContract.NAME_HOOK);

        loaded.rewriteLoaded(List.of(Object.class),
                new HookTransformer(Set.of("io/eurekaagent/jdk/Sound", "io/eurekaagent/jdk/Broken"), true) {
                    @Override
                    protected boolean awaitHook() {
                        return true;
                    }

                    @Override
                    protected byte[] instrument(byte[] bytes, String className) {
                        return null;
                    }

                    @Override
                    protected String cannotRewrite(String className, Throwable cause) {
                        return "";
                    }
                });

        assertEquals(List.of(sound), retransformed);
    }

    /** A class whose one method returns {@code value} as an Object: verifiable for null, not for the int 0. */
    private static Class<?> unlinked(String name, int value) throws ClassNotFoundException {
        String internal = name.replace('.', '/');
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V11, Opcodes.ACC_PUBLIC, internal, null, "java/lang/Object", null);
        MethodVisitor method = writer.visitMethod(
                Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "value", "()Ljava/lang/Object;", null, null);
        method.visitCode();
        method.visitInsn(value);
        method.visitInsn(Opcodes.ARETURN);
        method.visitMaxs(0, 0);
        method.visitEnd();
        byte[] bytes = writer.toByteArray();
        ClassLoader loader = new ClassLoader(JdkHookTest.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String wanted) throws ClassNotFoundException {
                if (!wanted.equals(name)) {
                    throw new ClassNotFoundException(wanted);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
        return Class.forName(name, false, loader);
    }
}
