package io.eurekaagent.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * WildFly from the distribution users download (unpacked by the build into target/wildfly), with one WAR in a server
 * base directory of its own, started as users start it: {@code JAVA_OPTS="-javaagent:..." standalone.sh -b 0.0.0.0}.
 * Its ports move together by a port offset, a multiple of 1000 so that HTTPS keeps a TLS-looking number (8443 +
 * offset).
 */
public final class WildFly {
    private final Path base;
    private final int offset;

    private WildFly(Path base, int offset) {
        this.base = base;
        this.offset = offset;
    }

    public static WildFly with(Path dir, Path war) throws IOException {
        Path configuration = Files.createDirectories(dir.resolve("configuration"));
        Project.copyFiles(home().resolve("standalone/configuration"), configuration);
        Files.copy(war, Files.createDirectories(dir.resolve("deployments")).resolve(war.getFileName()));
        return new WildFly(dir, freeOffset());
    }

    public int httpPort() {
        return 8080 + offset;
    }

    public int httpsPort() {
        return 8443 + offset;
    }

    /** standalone.sh with the agent and {@code options} in JAVA_OPTS, on the java that runs the apps. */
    public ChildProcess start(String name, List<String> options) throws IOException {
        List<String> javaOpts = new ArrayList<>(List.of(
                "-Djava.net.preferIPv4Stack=true",
                "-Djboss.modules.system.pkgs=org.jboss.byteman",
                "-Xmx512m",
                "-javaagent:" + Project.agentJar()));
        javaOpts.addAll(options);
        Path javaHome = Paths.get(Project.appJava()).getParent().getParent();
        return ChildProcess.start(
                name,
                List.of(
                        "/bin/sh",
                        home().resolve("bin/standalone.sh").toString(),
                        "-b",
                        "0.0.0.0",
                        "-Djboss.server.base.dir=" + base,
                        "-Djboss.socket.binding.port-offset=" + offset),
                Map.of(
                        "JBOSS_HOME",
                        home().toString(),
                        "JAVA_HOME",
                        javaHome.toString(),
                        "JAVA_OPTS",
                        String.join(" ", javaOpts)),
                base);
    }

    /** SIGTERM to WildFly's JVM, which standalone.sh runs as its child (the script itself passes no signal on). */
    public static void sigterm(ChildProcess script) {
        Optional<ProcessHandle> jvm = ProcessHandle.of(script.pid())
                .flatMap(sh -> sh.descendants()
                        .filter(child -> child.info()
                                .command()
                                .map(command -> command.endsWith("java"))
                                .orElse(false))
                        .findFirst());
        jvm.ifPresent(ProcessHandle::destroy);
    }

    /**
     * An offset at which WildFly's public ports (HTTP, HTTPS, management) are all free, all below the ephemeral ports
     * (32768 and up), which any outgoing connection may take before WildFly binds them.
     */
    private static int freeOffset() throws IOException {
        int offsets = 13;
        int first = ThreadLocalRandom.current().nextInt(offsets);
        for (int i = 0; i < offsets; i++) {
            int offset = 10_000 + (first + i) % offsets * 1000;
            if (Project.isFree(8080 + offset) && Project.isFree(8443 + offset) && Project.isFree(9990 + offset)) {
                return offset;
            }
        }
        throw new IOException("no port offset below 22000 with WildFly's ports free");
    }

    private static Path home() {
        return Project.unpacked("wildfly");
    }
}
