package io.eurekaagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eurekaagent.agent.EurekaAgent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.commons.ClassRemapper;
import net.bytebuddy.jar.asm.commons.Remapper;
import org.junit.jupiter.api.Test;

/**
 * The agent's packages stand in layers, each using only the layers below it, so that no change ripples up and back
 * down (issue 22). Read from the compiled classes: every type a class names, in code, fields and signatures.
 */
class LayersTest {
    private static final String ROOT = "io/eurekaagent/";
    /** Bottom first; the packages of one layer do not use each other. "" is the manifest's entry, on top. */
    private static final List<Set<String>> LAYERS = List.of(
            Set.of("log", "bootstrap"),
            Set.of("threads"),
            Set.of("jdk", "config"),
            Set.of("instance"),
            Set.of("client", "readiness"),
            Set.of("health", "discovery"),
            Set.of("lifecycle"),
            Set.of("agent"),
            Set.of("cli"),
            Set.of(""));

    @Test
    void noPackageUsesOneAboveItOrBesideIt() throws IOException {
        Path classes = Path.of(EurekaAgent.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        Set<String> upward = new TreeSet<>();
        int read = 0;
        try (Stream<Path> files = Files.walk(classes.resolve(ROOT))) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                String user = classes.relativize(file).toString().replace('\\', '/').replace(".class", "");
                int from = layerOf(user);
                for (String used : typesNamedBy(Files.readAllBytes(file))) {
                    if (used.startsWith(ROOT) && !packageOf(used).equals(packageOf(user)) && layerOf(used) >= from) {
                        upward.add(user + " uses " + used);
                    }
                }
                read++;
            }
        }

        assertTrue(read > 100, "read only " + read + " classes under " + classes);
        assertEquals(new TreeSet<>(), upward, "each package uses only the layers below its own (LAYERS)");
    }

    private static int layerOf(String type) {
        String name = packageOf(type);
        for (int i = 0; i < LAYERS.size(); i++) {
            if (LAYERS.get(i).contains(name)) {
                return i;
            }
        }
        throw new AssertionError("package '" + name + "' of " + type + " has no layer: add it to LAYERS");
    }

    private static String packageOf(String type) {
        String inside = type.substring(ROOT.length());
        return inside.contains("/") ? inside.substring(0, inside.indexOf('/')) : "";
    }

    private static List<String> typesNamedBy(byte[] classFile) {
        List<String> named = new ArrayList<>();
        new ClassReader(classFile).accept(new ClassRemapper(new ClassWriter(0), new Remapper(Opcodes.ASM9) {
            @Override
            public String map(String internalName) {
                named.add(internalName);
                return internalName;
            }
        }), 0);
        return named;
    }
}
