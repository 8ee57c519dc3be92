package io.eurekaagent.e2e;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a Eureka server JVM is started: its Spring Boot jar extracted once per build, with a class-data archive made by
 * a first start (Spring Boot's CDS recipe). The scenarios start some forty servers: from the fat jar each took 8-11 s
 * and ~10 s of CPU on 2 cores, this way 3.6-4.1 s and ~4.7 s. The first JVM to ask prepares it, under a file lock (the
 * test JVMs run side by side); where that fails, the fat jar as before, said in one line.
 */
final class ServerJar {
    private static final Duration PREPARE_TIMEOUT = Duration.ofMinutes(3);
    private static List<String> launch;

    private ServerJar() {
    }

    /** The command up to the server's own arguments: java, its options, and the jar. */
    static synchronized List<String> command() throws IOException, InterruptedException {
        if (launch == null) {
            launch = prepared();
        }
        List<String> command = new ArrayList<>(List.of(Project.javaOfThisJvm(), "-Xmx256m", "-XX:TieredStopAtLevel=1"));
        command.addAll(launch);
        return command;
    }

    private static List<String> prepared() throws IOException, InterruptedException {
        Path fat = Project.jar("eureka-server.jar");
        Path dir = fat.resolveSibling("eureka-server-cds");
        Path jar = dir.resolve("x/eureka-server.jar");
        Path archive = dir.resolve("eureka-server.jsa");
        Path done = dir.resolve("done");
        try (FileChannel lockFile = FileChannel.open(fat.resolveSibling("eureka-server-cds.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = lockFile.lock()) {
            if (!Files.exists(done)) {
                Files.createDirectories(dir);
                Files.deleteIfExists(archive);
                run(dir, List.of(Project.javaOfThisJvm(), "-Djarmode=tools", "-jar", fat.toString(), "extract",
                        "--force", "--destination", dir.resolve("x").toString()));
                run(dir, List.of(Project.javaOfThisJvm(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                        "-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-jar",
                        jar.toString(), "--server.port=0"));
                Files.writeString(done, "");
            }
            return List.of("-XX:SharedArchiveFile=" + archive, "-jar", jar.toString());
        } catch (IOException | IllegalStateException | AssertionError e) {
            System.out.println("Eureka servers start from the fat jar (" + e.getMessage() + ")");
            return List.of("-jar", fat.toString());
        }
    }

    private static void run(Path dir, List<String> command) throws IOException, InterruptedException {
        try (ChildProcess process = ChildProcess.start("eureka-server-cds", command, Map.of(), dir)) {
            int exit = process.awaitExit(PREPARE_TIMEOUT);
            if (exit != 0) {
                throw new IllegalStateException(command.get(command.size() - 1) + " exited with " + exit + ":\n"
                        + process.output());
            }
        }
    }
}
