package io.eurekaagent.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A JVM started the way users start theirs: {@code java -javaagent:eureka-agent.jar -D... -jar app.jar}. */
public final class AgentApp {
    private final Map<String, String> properties = new TreeMap<>();
    private final Map<String, String> env = new TreeMap<>();
    private final List<String> jvmOptions = new ArrayList<>();
    private String agentArguments;
    private boolean withAgent = true;
    /** Null: agent-test-app. */
    private List<String> main;
    private String java;

    /** agent-test-app on {@code port}, registered with {@code server} as {@code app}. */
    public static AgentApp testApp(EurekaServer server, String app, int port) {
        return new AgentApp()
                .env("PORT", Integer.toString(port))
                .property("eureka.client.service-url.defaultZone", server.serviceUrl())
                .property("eureka.instance.appname", app)
                .property("eureka.instance.non-secure-port", Integer.toString(port))
                // Loopback only: the detected host address would work, but tests stay on 127.0.0.1.
                .property("eureka.instance.hostname", "localhost")
                .property("eureka.instance.ip-address", "127.0.0.1");
    }

    public AgentApp property(String key, String value) {
        properties.put(key, value);
        return this;
    }

    public AgentApp env(String key, String value) {
        env.put(key, value);
        return this;
    }

    public AgentApp jvmOption(String option) {
        jvmOptions.add(option);
        return this;
    }

    public AgentApp agentArguments(String arguments) {
        agentArguments = arguments;
        return this;
    }

    /** Runs the same command without {@code -javaagent} (the agent may still come in through JAVA_TOOL_OPTIONS). */
    public AgentApp withoutAgentFlag() {
        withAgent = false;
        return this;
    }

    public AgentApp main(String... mainAndArguments) {
        main = List.of(mainAndArguments);
        return this;
    }

    /** Runs the app on this java instead of the suite's ({@link Project#appJava}). */
    public AgentApp java(String command) {
        java = command;
        return this;
    }

    public List<String> command() {
        // -De2e.http-client=java-http-client runs the scenarios again on the other transport.
        String transport = System.getProperty("e2e.http-client");
        if (transport != null) {
            properties.putIfAbsent("eureka.agent.http-client", transport);
        }
        List<String> command = new ArrayList<>(List.of(java != null ? java : Project.appJava()));
        command.addAll(jvmOptions);
        if (withAgent) {
            command.add("-javaagent:" + Project.agentJar() + (agentArguments == null ? "" : "=" + agentArguments));
        }
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(main != null ? main : List.of("-jar", Project.testAppJar().toString()));
        return command;
    }

    public ChildProcess start(String name) throws IOException {
        Path root = Project.root();
        return ChildProcess.start(name, command(), env, root);
    }
}
