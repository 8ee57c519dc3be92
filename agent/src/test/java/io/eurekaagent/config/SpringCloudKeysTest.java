package io.eurekaagent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Issue 23: every {@code eureka.*} key of Spring Cloud Netflix's configuration metadata (the version of the release
 * train the tests' Eureka server runs) is read with Spring's meaning or answered with one line naming it; a key a new
 * Spring version adds fails here until it is one or the other.
 */
class SpringCloudKeysTest {
    private static final String NOT_USED = "is a Spring Cloud setting the agent does not use: ";

    @Test
    void everyKeyOfSpringCloudNetflixIsReadOrNamedAndNeverBoth() throws Exception {
        Set<String> read = new HashSet<>();
        Set<String> maps = new HashSet<>();
        for (Key<?> key : Catalog.all()) {
            (key.isMap() ? maps : read).add(RelaxedNames.canonicalKey(key.name()));
        }
        Set<String> named = new HashSet<>();
        UnusedSpringKeys.all().keySet().forEach(name -> named.add(RelaxedNames.canonicalKey(name)));

        List<String> neither = new ArrayList<>();
        List<String> both = new ArrayList<>();
        for (String spring : springKeys()) {
            String canonical = RelaxedNames.canonicalKey(spring);
            boolean isRead = read.contains(canonical) || maps.contains(canonical)
                    || maps.stream().anyMatch(map -> canonical.startsWith(map + "."));
            if (!isRead && !named.contains(canonical)) {
                neither.add(spring);
            } else if (isRead && named.contains(canonical)) {
                both.add(spring);
            }
        }
        assertEquals(List.of(), neither, "Spring keys neither read (Catalog) nor named (UnusedSpringKeys)");
        assertEquals(List.of(), both, "Spring keys both read and named as not used");
    }

    @Test
    void eachKeyNamedIsSpringsAndSetItIsOneLineSayingWhyAndTheAgentRunsOn() throws Exception {
        Set<String> spring = new HashSet<>();
        springKeys().forEach(key -> spring.add(RelaxedNames.canonicalKey(key)));
        for (Map.Entry<String, String> unused : UnusedSpringKeys.all().entrySet()) {
            assertTrue(spring.contains(RelaxedNames.canonicalKey(unused.getKey())), unused.getKey()
                    + " is not in Spring Cloud Netflix's metadata");

            AgentConfig config = AgentConfigTest.load(null, Map.of(unused.getKey(), "1"), Map.of());

            assertEquals(List.of(unused.getKey() + " (system property) " + NOT_USED + unused.getValue()),
                    config.warnings());
        }
    }

    @Test
    void aKeyNamedIsRecognisedInEveryFormUsersWriteIt() throws Exception {
        AgentConfig config = AgentConfigTest.load(null,
                Map.of("eureka.client.gZipContent", "false", "eureka.instance.data-center-info.name", "Amazon"),
                Map.of("EUREKA_CLIENT_ORDER", "1"));

        assertEquals(3, config.warnings().size(), config.warnings().toString());
        assertTrue(config.warnings().contains("EUREKA_CLIENT_ORDER (environment variable) " + NOT_USED
                + UnusedSpringKeys.all().get("eureka.client.order")), config.warnings().toString());
        assertTrue(config.warnings().contains("eureka.client.gZipContent (system property) " + NOT_USED
                + UnusedSpringKeys.all().get("eureka.client.g-zip-content")), config.warnings().toString());
        assertTrue(config.warnings().contains("eureka.instance.data-center-info.name (system property) " + NOT_USED
                + UnusedSpringKeys.all().get("eureka.instance.data-center-info")), config.warnings().toString());
    }

    /** The slip of issue 23: the agent retried localhost:8761 forever without a word. */
    @Test
    void anEnvironmentNameSplitWhereTheKeyHasADashGetsTheNameMeant() throws Exception {
        AgentConfig config = AgentConfigTest.load(null, Map.of(), Map.of(
                "EUREKA_CLIENT_SERVICE_URL_DEFAULTZONE", "http://127.0.0.1:8761/eureka/",
                "EUREKA_INSTANCE_LEASE_RENEWAL_INTERVAL_IN_SECONDS", "10"));

        String rule = "? In a variable's name `_` separates the key's parts and a part's dashes are dropped";
        assertEquals(new TreeSet<>(List.of(
                "unknown setting EUREKA_CLIENT_SERVICE_URL_DEFAULTZONE (environment variable) ignored: did you mean"
                        + " EUREKA_CLIENT_SERVICEURL_DEFAULTZONE (eureka.client.service-url.defaultzone)" + rule,
                "unknown setting EUREKA_INSTANCE_LEASE_RENEWAL_INTERVAL_IN_SECONDS (environment variable) ignored: did"
                        + " you mean EUREKA_INSTANCE_LEASERENEWALINTERVALINSECONDS"
                        + " (eureka.instance.lease-renewal-interval-in-seconds)" + rule)),
                new TreeSet<>(config.warnings()));
    }

    @Test
    void theKeysReadWithSpringsMeaningAreQuiet() throws Exception {
        AgentConfig config = AgentConfigTest.load(null, Map.of(
                "eureka.instance.a-s-g-name", "orders-v042",
                "eureka.instance.appGroupName", "shop",
                "eureka.client.timeout.socket-timeout", "2500",
                "eureka.client.on-demand-update-status-change", "false",
                "eureka.client.should-unregister-on-shutdown", "false"), Map.of());

        assertEquals(List.of(), config.warnings());
        assertEquals(2500, config.servers().readTimeout().toMillis());
        assertEquals(5000, config.servers().connectTimeout().toMillis());
        assertFalse(config.unregisterOnShutdown());
        assertEquals("orders-v042", config.instance().get(Catalog.ASG_NAME));
    }

    /** The {@code eureka.*} keys of the metadata in spring-cloud-netflix-eureka-client's jar. */
    private static Set<String> springKeys() throws Exception {
        Set<String> keys = new TreeSet<>();
        for (URL url : Collections.list(SpringCloudKeysTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            if (!url.toString().contains("spring-cloud-netflix-eureka-client")) {
                continue;
            }
            try (InputStream in = url.openStream()) {
                for (Object property : (List<?>) JSON.std.mapFrom(in).get("properties")) {
                    String name = (String) ((Map<?, ?>) property).get("name");
                    if (name.startsWith("eureka.")) {
                        keys.add(name);
                    }
                }
            }
        }
        assertTrue(keys.size() > 80, "Spring Cloud Netflix's metadata not found on the class path: " + keys);
        return keys;
    }
}
