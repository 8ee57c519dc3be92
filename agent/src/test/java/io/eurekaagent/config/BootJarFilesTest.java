package io.eurekaagent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Spring Boot jar's own application.properties and .yml are its settings, as Spring Boot reads them (issue 23). */
class BootJarFilesTest {
    @TempDir
    Path dir;

    /** A Spring Boot 4 jar with these files in BOOT-INF/classes. */
    private Path bootJar(String version, Map<String, String> files) throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Spring-Boot-Version", version);
        manifest.getMainAttributes().putValue("Spring-Boot-Classes", "BOOT-INF/classes/");
        Path jar = dir.resolve("orders-" + files.hashCode() + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                out.putNextEntry(new JarEntry("BOOT-INF/classes/" + file.getKey()));
                out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return jar;
    }

    private static AgentConfig run(Path jar, Map<String, String> properties, Map<String, String> env)
            throws Exception {
        Properties system = new Properties();
        system.putAll(properties);
        system.setProperty("sun.java.command", jar + " --server.port=8080");
        return AgentConfig.load(null, system, env);
    }

    @Test
    void theAppNameOfApplicationYmlWithAPlaceholderResolvedFromTheEnvironment() throws Exception {
        Path jar = bootJar("4.0.7", Map.of("application.yml", String.join("\n",
                "spring:",
                "  application:",
                "    name: ${APP_NAME}",
                "eureka:",
                "  client:",
                "    service-url:",
                "      defaultZone: http://127.0.0.1:${EUREKA_PORT:8761}/eureka/",
                "  instance:",
                "    metadata-map:",
                "      zone: zone-a")));

        AgentConfig config = run(jar, Map.of(), Map.of("APP_NAME", "invoices"));

        assertEquals("invoices", config.instance().appName());
        assertEquals("[http://127.0.0.1:8761/eureka/]", config.servers().serviceUrls().toString());
        assertEquals(Map.of("zone", "zone-a"), config.instance().get(Catalog.METADATA));
        assertTrue(config.inEffect().contains("spring.application.name=invoices (application.yml in "
                + jar.getFileName() + ")"), config.inEffect().toString());
        assertEquals(List.of(), config.warnings());
    }

    @Test
    void everyOtherSourceWinsOverTheJarsOwnFiles() throws Exception {
        Path jar = bootJar("4.0.7", Map.of("application.properties", "spring.application.name=from-jar\n"
                + "eureka.instance.lease-renewal-interval-in-seconds=10\n"));

        AgentConfig config = run(jar, Map.of("spring.application.name", "from-jvm"), Map.of());

        assertEquals("from-jvm", config.instance().appName());
        assertEquals(10, config.instance().get(Catalog.LEASE_RENEWAL_INTERVAL));
    }

    @Test
    void theActiveProfilesFilesAndDocumentsWinOverTheBaseOnesLastProfileFirst() throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("application.properties", "spring.application.name=orders\nspring.profiles.active=eu\n");
        files.put("application.yml", String.join("\n",
                "eureka.instance.lease-renewal-interval-in-seconds: 20",
                "---",
                "spring.config.activate.on-profile: eu",
                "eureka.instance.lease-renewal-interval-in-seconds: 15",
                "eureka.instance.metadata-map.zone: eu-1",
                "---",
                "spring.config.activate.on-profile: us",
                "eureka.instance.metadata-map.zone: us-1"));
        files.put("application-eu.properties", "eureka.instance.appname=orders-eu\n");
        files.put("application-canary.yml", "eureka.instance.appname: orders-canary\n");
        Path jar = bootJar("3.5.7", files);

        AgentConfig fromTheJar = run(jar, Map.of(), Map.of());
        assertEquals("orders-eu", fromTheJar.instance().appName());
        assertEquals(15, fromTheJar.instance().get(Catalog.LEASE_RENEWAL_INTERVAL));
        assertEquals(Map.of("zone", "eu-1"), fromTheJar.instance().get(Catalog.METADATA));

        AgentConfig fromTheEnvironment = run(jar, Map.of(), Map.of("SPRING_PROFILES_ACTIVE", "eu,canary"));
        assertEquals("orders-canary", fromTheEnvironment.instance().appName());
    }

    @Test
    void aPropertiesFileSplitsIntoDocumentsAtItsSeparatorLines() throws Exception {
        Path jar = bootJar("4.0.7", Map.of("application.properties", String.join("\r\n",
                "spring.application.name=orders",
                "#---",
                "spring.config.activate.on-profile=eu",
                "spring.application.name=orders-eu",
                "!---  ",
                "spring.config.activate.on-profile=us",
                "spring.application.name=orders-us",
                "#--- not a separator=kept as a comment",
                "eureka.instance.lease-renewal-interval-in-seconds=12")));

        assertEquals("orders", run(jar, Map.of(), Map.of()).instance().appName());
        AgentConfig us = run(jar, Map.of(), Map.of("SPRING_PROFILES_ACTIVE", "us"));
        assertEquals("orders-us", us.instance().appName());
        assertEquals(12, us.instance().get(Catalog.LEASE_RENEWAL_INTERVAL));
        assertEquals("orders-eu", run(jar, Map.of(), Map.of("SPRING_PROFILES_ACTIVE", "eu")).instance().appName());
    }

    @Test
    void aPlaceholderThatCannotBeResolvedLeavesItsSettingOutWithALine() throws Exception {
        Path jar = bootJar("4.0.7", Map.of("application.yml", "spring.application.name: ${APP_NAME}\n"
                + "spring.datasource.url: ${DB_URL}\n"));

        AgentConfig config = run(jar, Map.of(), Map.of());

        assertNull(config.instance().appName());
        assertEquals(List.of("spring.application.name=${APP_NAME} (application.yml in " + jar.getFileName()
                + ") left out: APP_NAME is not set (no system property, environment variable or setting of the"
                + " jar's), and the placeholder has no default (${APP_NAME:default})"), config.warnings());
    }

    @Test
    void aMalformedYamlFileIsNamedAndTheAgentRunsOnWithoutIt() throws Exception {
        Path jar = bootJar("4.0.7", Map.of("application.yml", "spring:\n  application:\n    name: [orders\n"));

        AgentConfig config = run(jar, Map.of(), Map.of());

        assertNull(config.instance().appName());
        assertEquals(1, config.warnings().size(), config.warnings().toString());
        assertTrue(config.warnings().get(0).startsWith("application.yml in " + jar.getFileName() + " ignored: "),
                config.warnings().toString());
    }

    @Test
    void aJarThatIsNotSpringBoot2OrNewerIsNotRead() throws Exception {
        Path boot1 = bootJar("1.5.22", Map.of("application.properties", "spring.application.name=old\n"));

        assertNull(run(boot1, Map.of(), Map.of()).instance().appName());
    }
}
