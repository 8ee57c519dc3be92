package io.eurekaagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 23: one commit gives one jar, byte for byte (project.build.outputTimestamp), so that a user can rebuild a
 * release and compare; and the build writes what a release publishes beside it.
 */
class ReproducibleJarIT {
    private static final Path JAR = Paths.get(System.getProperty("agent.jar", "target/eureka-agent.jar"));

    @Test
    void aSecondBuildOfTheSameSourcesGivesAByteIdenticalJar() throws Exception {
        Path second = JAR.toAbsolutePath().getParent().resolve("second-build");
        Path root = Paths.get(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
        List<String> command = new ArrayList<>(List.of(maven(), "-B", "-q", "-o", "package", "-DskipTests",
                "-Dcheckstyle.skip", "-Dmaven.source.skip", "-Dmaven.javadoc.skip", "-Denforcer.skip",
                "-Dagent.build.directory=" + second, "-f", root.resolve("agent/pom.xml").toString()));
        Process build = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(second.resolveSibling("second-build.log").toFile()).start();
        assertTrue(build.waitFor(5, TimeUnit.MINUTES), "the second build took over 5 minutes");
        assertEquals(0, build.exitValue(), Files.readString(second.resolveSibling("second-build.log")));

        assertEquals(sha256(JAR), sha256(second.resolve("eureka-agent.jar")),
                "the same sources built twice give different jars: an entry carries the build's time or order");
    }

    @Test
    void sourcesJavadocAndSha256FilesAreBuiltBesideTheJar() throws Exception {
        Path dir = JAR.toAbsolutePath().getParent();
        for (String artifact : List.of("eureka-agent.jar", "eureka-agent-sources.jar", "eureka-agent-javadoc.jar")) {
            assertTrue(Files.size(dir.resolve(artifact)) > 1000, artifact);
            // As sha256sum writes it, so that sha256sum -c checks the download.
            assertEquals(sha256(dir.resolve(artifact)) + "  " + artifact,
                    Files.readString(dir.resolve(artifact + ".sha256")).trim());
        }
    }

    private static String maven() {
        String home = System.getProperty("maven.home");
        return home == null ? "mvn" : Paths.get(home, "bin", "mvn").toString();
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
