package io.eurekaagent.agent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JdkToolsTest {
    @ParameterizedTest
    @ValueSource(strings = {"jdk.jcmd/sun.tools.jcmd.JCmd 42 Thread.print", "sun.tools.jstack.JStack 1",
        "sun.security.tools.keytool.Main -list", "jdk.jshell/jdk.internal.jshell.tool.JShellToolProvider",
        "com.sun.tools.javac.Main X.java"})
    void jdkToolsAreSkipped(String command) {
        assertTrue(JdkTools.isJdkTool(command));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "agent-test-app.jar",
                "com.example.Orders --port 8080",
                "org.apache.catalina.startup.Bootstrap start",
                "/opt/app/sunshine.jar",
                "",
                "jdk.compiler/com.sun.tools.javac.launcher.Main Hello.java",
                "jdk.compiler/com.sun.tools.javac.launcher.SourceLauncher Hello.java"
            })
    void applicationsAreNot(String command) {
        assertFalse(JdkTools.isJdkTool(command));
    }
}
