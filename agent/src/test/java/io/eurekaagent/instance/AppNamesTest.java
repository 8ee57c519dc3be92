package io.eurekaagent.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AppNamesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "agent-test-app/target/agent-test-app.jar | agent-test-app",
        "/srv/orders-service-1.4.2-SNAPSHOT.jar --port 1 | orders-service",
        "C:\\apps\\billing.jar | billing",
        "/srv/orders-v2-2.0.1_b7.jar | orders-v2",
        "/srv/orders-2024+edition-1.0.jar | orders-2024edition",
        "/srv/my(app).jar | myapp",
        "/srv/orders-.jar | orders-",
        "com.example.orders.OrdersMain --debug | OrdersMain",
        "orders.module/com.example.Orders | Orders",
        "jdk.compiler/com.sun.tools.javac.launcher.Main /src/Hello.java 8080 | Hello",
        "jdk.compiler/com.sun.tools.javac.launcher.SourceLauncher Orders.java | Orders",
        "NULL | unknown",
        "'' | unknown",
    })
    void derivedFromTheMainJarClassOrSourceFile(String command, String expected) {
        assertNull(AppNames.unnamedLauncher(command));
        assertEquals(expected, AppNames.fromCommand(command));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "org.apache.catalina.startup.Bootstrap start | Tomcat",
        "/opt/wildfly/jboss-modules.jar -mp /opt/wildfly/modules org.jboss.as.standalone | WildFly / JBoss",
        "org.springframework.boot.loader.launch.JarLauncher | Spring Boot's launcher",
        "org.springframework.boot.loader.JarLauncher --server.port=1 | Spring Boot's launcher",
        "/opt/jetty/start.jar | Jetty's start.jar",
        "/nowhere/quarkus-app/quarkus-run.jar | a Quarkus fast-jar without one jar in quarkus-app/app/",
    })
    void launchersHaveNoNameOfTheirOwn(String command, String launcher) {
        assertEquals(launcher, AppNames.unnamedLauncher(command));
    }

    @Test
    void aQuarkusFastJarIsNamedAfterItsApplicationJar(@TempDir Path dir) throws Exception {
        Path app = Files.createDirectories(dir.resolve("quarkus-app/app"));
        Files.createFile(app.resolve("orders-1.0.0-SNAPSHOT.jar"));
        Files.createFile(dir.resolve("quarkus-app/quarkus-run.jar"));
        String command = dir.resolve("quarkus-app/quarkus-run.jar").toString();

        assertNull(AppNames.unnamedLauncher(command));
        assertEquals("orders", AppNames.fromCommand(command));
    }

    @ParameterizedTest
    @ValueSource(strings = {"com.example.Bootstrap", "org.example.start.Main", "my-start.jar"})
    void ordinaryAppsAreNotLaunchers(String command) {
        assertNull(AppNames.unnamedLauncher(command));
    }
}
