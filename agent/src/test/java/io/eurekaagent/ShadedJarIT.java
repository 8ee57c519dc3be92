package io.eurekaagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The packaged agent jar: the app may carry its own Byte Buddy or Jackson, so nothing but the agent's package
 * (bundled libraries relocated under it) and META-INF may be in it.
 */
class ShadedJarIT {
    private static final Path JAR = Paths.get(System.getProperty("agent.jar", "target/eureka-agent.jar"));

    @Test
    void holdsOnlyTheAgentsPackageAndMetaInf() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> strays = jar.stream()
                    .map(JarEntry::getName)
                    .filter(name ->
                            !name.startsWith("io/eurekaagent/") && !name.equals("io/") && !name.startsWith("META-INF/"))
                    .collect(Collectors.toList());
            assertEquals(List.of(), strays);
            List<String> versionedStrays = jar.stream()
                    .map(JarEntry::getName)
                    .filter(name -> name.matches("META-INF/versions/\\d+/.+\\.class")
                            && !name.matches("META-INF/versions/\\d+/io/eurekaagent/.+"))
                    .collect(Collectors.toList());
            assertEquals(List.of(), versionedStrays);
            assertNotNull(jar.getEntry("io/eurekaagent/shaded/bytebuddy/jar/asm/ClassReader.class"));
            assertNull(jar.getEntry("io/eurekaagent/shaded/bytebuddy/ByteBuddy.class"), "only Byte Buddy's ASM ships");
            assertNotNull(jar.getEntry("io/eurekaagent/shaded/jackson/jr/ob/JSON.class"));
            assertNotNull(jar.getEntry("io/eurekaagent/shaded/snakeyaml/parser/ParserImpl.class"));
            assertNull(jar.getEntry("io/eurekaagent/shaded/snakeyaml/internal/Logger.class"),
                    "only SnakeYAML's parser ships, not what logs through java.util.logging");
            assertNull(jar.getEntry("io/eurekaagent/shaded/snakeyaml/resolver/Resolver.class"),
                    "nor the resolver, whose regular expressions cost premain tens of milliseconds");
            // The bundled libraries' licences travel with them: ASM's BSD terms, Jackson's Apache ones.
            assertNotNull(jar.getEntry("META-INF/licenses/ASM"));
            assertNotNull(jar.getEntry("META-INF/LICENSE"));
        }
    }

    @Test
    void manifestDeclaresTheAgent() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertEquals("io.eurekaagent.JavaVersionGate", main.getValue("Premain-Class"));
            assertEquals("io.eurekaagent.JavaVersionGate", main.getValue("Agent-Class"));
            assertEquals("io.eurekaagent.JavaVersionGate", main.getValue("Main-Class"));
            assertEquals("true", main.getValue("Can-Retransform-Classes"));
        }
    }

    @Test
    void agentClassesRunOnJava11AndTheEntryClassLoadsOnJava8ToSaySo() throws IOException {
        assertEquals(55, majorVersion("io/eurekaagent/agent/EurekaAgent.class"), "class file major version of Java 11");
        assertEquals(52, majorVersion("io/eurekaagent/JavaVersionGate.class"), "class file major version of Java 8");
    }

    private static int majorVersion(String entry) throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile());
                DataInputStream in = new DataInputStream(jar.getInputStream(jar.getEntry(entry)))) {
            assertEquals(0xCAFEBABE, in.readInt());
            in.readUnsignedShort();
            return in.readUnsignedShort();
        }
    }

    @Test
    void agentCodeNeverTouchesJulSystemLoggerOrManagementFactory() throws IOException {
        // Initialising java.util.logging from premain breaks apps that install their own LogManager (WildFly).
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> offenders = new ArrayList<>();
            for (JarEntry entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                if (name.startsWith("io/eurekaagent/")
                        && !name.startsWith("io/eurekaagent/shaded/")
                        && name.endsWith(".class")) {
                    String constants =
                            new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.ISO_8859_1);
                    for (String forbidden :
                            new String[] {"java/util/logging", "java/lang/System$Logger", "java/lang/management"}) {
                        if (constants.contains(forbidden)) {
                            offenders.add(name + " uses " + forbidden);
                        }
                    }
                }
            }
            assertEquals(List.of(), offenders);
        }
    }

    @Test
    void staysSmall() throws IOException {
        long bytes = Files.size(JAR);
        assertTrue(bytes <= 1536L * 1024, bytes + " bytes: the jar must stay at most 1.5 MB");
    }
}
