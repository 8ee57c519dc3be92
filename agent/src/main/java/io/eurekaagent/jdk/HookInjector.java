package io.eurekaagent.jdk;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandles;
import java.net.URISyntaxException;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

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
        JdkPackages.open(instrumentation);
        // An interface of the package, loaded without running any initialiser.
        Class<?> anchor = Class.forName("sun.nio.ch.Interruptible", false, null);
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(anchor, MethodHandles.lookup());
        try {
            return lookup.defineClass(renamed(template, hook));
        } catch (LinkageError alreadyDefined) {
            return Class.forName(hook.replace('/', '.'), false, null);
        }
    }

    /**
     * The template's bytes, renamed into sun.nio.ch. Read from the agent jar as a zip entry, which costs the app's
     * start a few ms less than a class loader's resource stream (URL and jar-connection code run cold).
     */
    private static byte[] renamed(String template, String hook) throws IOException {
        try (JarFile jar = new JarFile(agentJar())) {
            JarEntry entry = jar.getJarEntry(template + ".class");
            if (entry == null) {
                throw new IOException(template + ".class is missing from the agent jar");
            }
            try (InputStream in = jar.getInputStream(entry)) {
                return ClassPatch.rename(in.readAllBytes(), template, hook);
            }
        }
    }

    private static File agentJar() throws IOException {
        try {
            return new File(HookInjector.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new IOException("cannot find the agent jar: " + e);
        }
    }
}
