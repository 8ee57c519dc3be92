package io.eurekaagent.readiness;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandles;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.commons.ClassRemapper;
import net.bytebuddy.jar.asm.commons.SimpleRemapper;

/**
 * Defines the bind hook inside java.base, as {@code sun.nio.ch.EurekaAgentBindHook}, where the instrumented JDK code
 * can call it. Not by appending a jar to the bootstrap search path: that turns off class data sharing for every
 * application class (a slower start, and a JVM warning in the app's output).
 */
final class HookInjector {
    static final String HOOK = "sun/nio/ch/EurekaAgentBindHook";
    private static final String TEMPLATE = "io/eurekaagent/bootstrap/BindHook";

    private HookInjector() {
    }

    /** Defines the hook (once per JVM) and makes {@code listener} receive every bound server socket. */
    static void inject(Instrumentation instrumentation, Consumer<Object> listener) throws ReflectiveOperationException, IOException {
        Module javaBase = Object.class.getModule();
        instrumentation.redefineModule(javaBase, Set.of(), Map.of(),
                Map.of("sun.nio.ch", Set.of(HookInjector.class.getModule())), Set.of(), Map.of());
        // An interface of the package, loaded without running any initialiser.
        Class<?> anchor = Class.forName("sun.nio.ch.Interruptible", false, null);
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(anchor, MethodHandles.lookup());
        Class<?> hook;
        try {
            hook = lookup.defineClass(hookBytes());
        } catch (LinkageError alreadyDefined) {
            hook = Class.forName(HOOK.replace('/', '.'), false, null);
        }
        hook.getField("listener").set(null, listener);
    }

    /** {@link io.eurekaagent.bootstrap.BindHook}'s bytes, renamed into sun.nio.ch. */
    private static byte[] hookBytes() throws IOException {
        try (InputStream in = HookInjector.class.getClassLoader().getResourceAsStream(TEMPLATE + ".class")) {
            if (in == null) {
                throw new IOException(TEMPLATE + ".class is missing from the agent jar");
            }
            ClassReader reader = new ClassReader(in.readAllBytes());
            ClassWriter writer = new ClassWriter(0);
            reader.accept(new ClassRemapper(writer, new SimpleRemapper(TEMPLATE, HOOK)), 0);
            return writer.toByteArray();
        }
    }
}
