package io.eurekaagent.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/** Where the packaged jars are, which java runs the apps, and free loopback ports. */
public final class Project {
    private static final int FIRST_PORT = 10_000;
    private static final int FIRST_EPHEMERAL_PORT = 32_768;

    private Project() {
    }

    public static Path root() {
        Path root = Paths.get(System.getProperty("project.root", ".")).toAbsolutePath().normalize();
        if (!Files.exists(root.resolve("agent/pom.xml"))) {
            throw new IllegalStateException(root + " is not the project root: run from it or set -Dproject.root");
        }
        return root;
    }

    /** The packaged artifacts this module depends on, copied there by the build under their plain names. */
    public static Path artifacts() {
        return Paths.get(System.getProperty(
                "e2e.artifacts",
                root().resolve("src/end-to-end/target/artifacts").toString())).toAbsolutePath();
    }

    /** An artifact by its file name in {@link #artifacts()}: {@code eureka-agent.jar}, {@code hello-war.war}. */
    public static Path jar(String name) {
        Path jar = artifacts().resolve(name);
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build with 'mvn -B package -DskipTests' first");
        }
        return jar;
    }

    public static Path agentJar() {
        return jar("eureka-agent.jar");
    }

    public static Path testAppJar() {
        return jar("agent-test-app.jar");
    }

    /** A distribution the build unpacked into {@code folder} beside {@link #artifacts()} (Tomcat, WildFly). */
    public static Path unpacked(String folder) {
        Path dir = artifacts().getParent().resolve(folder);
        try (Stream<Path> unpacked = Files.list(dir)) {
            return unpacked.filter(Files::isDirectory)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("nothing unpacked in " + dir + ": build first"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies the files (not folders) of {@code from} into the existing folder {@code to}: an app server's
     * configuration.
     */
    public static void copyFiles(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file)) {
                    Files.copy(file, to.resolve(file.getFileName()));
                }
            }
        }
    }

    /** The java that runs apps with the agent: {@code -De2e.java=...} (e.g. a JDK 25), else this JVM's. */
    public static String appJava() {
        return System.getProperty("e2e.java", javaOfThisJvm());
    }

    public static String javaOfThisJvm() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * {@code count} distinct free ports, none ending in 443 (each socket stays open until all are chosen, so none
     * repeats). Chosen at random below the kernel's ephemeral range (32768 and up on Linux): a port there is free
     * until the app binds it, whereas one the kernel handed out could meanwhile become the source port of any of the
     * machine's outgoing connections (seen as "Address already in use" with the scenarios run side by side).
     */
    public static int[] freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; ) {
                int port = ThreadLocalRandom.current().nextInt(FIRST_PORT, FIRST_EPHEMERAL_PORT);
                // The agent takes a port ending in 443 for a TLS one and prefers any other: an app's port must not.
                if (port % 1000 != 443) {
                    try {
                        sockets.add(new ServerSocket(port, 1, InetAddress.getLoopbackAddress()));
                        ports[i++] = port;
                    } catch (BindException taken) {
                        // another one
                    }
                }
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // a port we only looked at
                }
            }
        }
    }

    /** Whether a port can be bound on every address now (a look only: it is closed at once). */
    public static boolean isFree(int port) {
        try (ServerSocket probe = new ServerSocket(port)) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    public static int freePort() {
        return freePorts(1)[0];
    }
}
