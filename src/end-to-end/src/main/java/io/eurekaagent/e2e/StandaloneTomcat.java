package io.eurekaagent.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Standalone Tomcat from the distribution users download (unpacked by the build into target/tomcat), with one WAR
 * in a CATALINA_BASE of its own, started as users start it: {@code CATALINA_OPTS="-javaagent:..." catalina.sh run}.
 */
public final class StandaloneTomcat {
    private final Path base;
    private final int httpPort;

    private StandaloneTomcat(Path base, int httpPort) {
        this.base = base;
        this.httpPort = httpPort;
    }

    /**
     * A CATALINA_BASE in {@code dir} serving {@code war} on {@code httpPort}; the shutdown port is Tomcat's usual, on
     * localhost.
     */
    public static StandaloneTomcat with(Path dir, Path war, int httpPort, int shutdownPort) throws IOException {
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Project.copyFiles(home().resolve("conf"), conf);
        Files.writeString(conf.resolve("server.xml"), "<Server port=\"" + shutdownPort + "\" shutdown=\"SHUTDOWN\">\n"
                + "  <Service name=\"Catalina\">\n"
                + "    <Connector port=\"" + httpPort + "\" protocol=\"HTTP/1.1\" connectionTimeout=\"20000\"/>\n"
                + "    <Engine name=\"Catalina\" defaultHost=\"localhost\">\n"
                + "      <Host name=\"localhost\" appBase=\"webapps\" unpackWARs=\"true\" autoDeploy=\"false\"/>\n"
                + "    </Engine>\n"
                + "  </Service>\n"
                + "</Server>\n");
        for (String empty : new String[] {"logs", "temp", "work"}) {
            Files.createDirectories(dir.resolve(empty));
        }
        Files.copy(war, Files.createDirectories(dir.resolve("webapps")).resolve(war.getFileName()));
        return new StandaloneTomcat(dir, httpPort);
    }

    public int httpPort() {
        return httpPort;
    }

    /** {@code catalina.sh run} with the agent and {@code options} in CATALINA_OPTS, on the java that runs the apps. */
    public ChildProcess start(String name, List<String> options) throws IOException {
        List<String> catalinaOpts = new ArrayList<>();
        catalinaOpts.add("-javaagent:" + Project.agentJar());
        catalinaOpts.addAll(options);
        return run(name, catalinaOpts);
    }

    /** {@code catalina.sh run} as without the agent, with {@code options} in CATALINA_OPTS. */
    public ChildProcess startWithoutAgent(String name, List<String> options) throws IOException {
        return run(name, options);
    }

    private ChildProcess run(String name, List<String> catalinaOpts) throws IOException {
        Path javaHome = Paths.get(Project.appJava()).getParent().getParent();
        return ChildProcess.start(
                name,
                List.of("/bin/sh", home().resolve("bin/catalina.sh").toString(), "run"),
                Map.of(
                        "CATALINA_HOME",
                        home().toString(),
                        "CATALINA_BASE",
                        base.toString(),
                        "JAVA_HOME",
                        javaHome.toString(),
                        "CATALINA_OPTS",
                        String.join(" ", catalinaOpts)),
                base);
    }

    private static Path home() {
        return Project.unpacked("tomcat");
    }
}
