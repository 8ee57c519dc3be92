package io.eurekaagent.jdk;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandles;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.commons.ClassRemapper;
import net.bytebuddy.jar.asm.commons.SimpleRemapper;

/**
 * Defines the agent's hook classes inside java.base, in {@code sun.nio.ch}, where instrumented JDK code can call them
 * (java.net.http's code too: the package is exported to it). Not by appending a jar to the bootstrap search path:
 * that turns off class data sharing for every application class (a slower start, and a JVM warning in the app's
 * output).
 */
public final class HookInjector {
    private HookInjector() {
    }

    /**
     * Defines {@code template} (a class of the agent's {@code bootstrap} package) as {@code hook} in java.base, once
     * per JVM, and returns it.
     */
    public static Class<?> define(Instrumentation instrumentation, String template, String hook)
            throws ReflectiveOperationException, IOException {
        Module javaBase = Object.class.getModule();
        // No lambda here: this runs while the app starts, and a JVM's first lambda costs ~10 ms of CPU.
        Optional<Module> http = ModuleLayer.boot().findModule("java.net.http");
        Set<Module> httpClient = http.isPresent() ? Set.of(http.get()) : Set.of();
        instrumentation.redefineModule(javaBase, Set.of(), Map.of("sun.nio.ch", httpClient),
                Map.of("sun.nio.ch", Set.of(HookInjector.class.getModule())), Set.of(), Map.of());
        // An interface of the package, loaded without running any initialiser.
        Class<?> anchor = Class.forName("sun.nio.ch.Interruptible", false, null);
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(anchor, MethodHandles.lookup());
        try {
            return lookup.defineClass(renamed(template, hook));
        } catch (LinkageError alreadyDefined) {
            return Class.forName(hook.replace('/', '.'), false, null);
        }
    }

    /** The template's bytes, renamed into sun.nio.ch. */
    private static byte[] renamed(String template, String hook) throws IOException {
        try (InputStream in = HookInjector.class.getClassLoader().getResourceAsStream(template + ".class")) {
            if (in == null) {
                throw new IOException(template + ".class is missing from the agent jar");
            }
            ClassReader reader = new ClassReader(in.readAllBytes());
            ClassWriter writer = new ClassWriter(0);
            reader.accept(new ClassRemapper(writer, new SimpleRemapper(template, hook)), 0);
            return writer.toByteArray();
        }
    }
}
