package io.eurekaagent.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Where the packaged jars are, which java runs the apps, and free loopback ports. */
public final class Project {
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
     * repeats).
     */
    public static int[] freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; ) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
                // The agent takes a port ending in 443 for a TLS one and prefers any other: an app's port must not.
                if (socket.getLocalPort() % 1000 != 443) {
                    ports[i++] = socket.getLocalPort();
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

    public static int freePort() {
        return freePorts(1)[0];
    }
}
