package io.eurekaagent.agent;

import io.eurekaagent.instance.AppNames;
import io.eurekaagent.config.JavaCommand;

/**
 * {@code JAVA_TOOL_OPTIONS=-javaagent:...} reaches every JVM in a container, jcmd, jstack and keytool included:
 * those must not show up in Eureka.
 */
final class JdkTools {
    private static final String[] TOOL_PACKAGES = {"sun.", "com.sun.", "jdk."};

    private JdkTools() {
    }

    /**
     * @param command the {@code sun.java.command} system property, e.g. {@code jdk.jcmd/sun.tools.jcmd.JCmd 42 help}
     */
    static boolean isJdkTool(String command) {
        String main = JavaCommand.mainOf(command);
        // java Main.java runs the user's program through a jdk.compiler class.
        if (main.endsWith(".jar") || AppNames.isSourceLauncher(main)) {
            return false;
        }
        for (String part : main.split("/")) {
            for (String prefix : TOOL_PACKAGES) {
                if (part.startsWith(prefix)) {
                    return true;
                }
            }
        }
        return false;
    }
}
