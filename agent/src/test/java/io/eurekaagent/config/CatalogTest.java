package io.eurekaagent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The catalog is the one list of settings: the reference in docs/configuration.md, the typo hints and the
 * defaults all come from it. Run with {@code -Dcatalog.write=true} to rewrite the reference after changing it.
 */
class CatalogTest {
    private static final Path REFERENCE = Path.of(System.getProperty("user.dir")).getParent()
            .resolve("docs/configuration.md");
    /** The lines of docs/configuration.md between these two are {@link #markdown}'s. */
    private static final String BEGIN = "<!-- generated from Catalog.java by CatalogTest: edit there, not here -->";
    private static final String END = "<!-- end of generated reference -->";

    @Test
    void docsConfigurationMdHoldsTheReferenceTheCatalogRenders() throws IOException {
        String file = Files.readString(REFERENCE, StandardCharsets.UTF_8);
        int begin = file.indexOf(BEGIN);
        int end = file.indexOf(END);
        assertTrue(begin >= 0 && end > begin, REFERENCE + " lacks the generated block's markers");
        String generated = BEGIN + "\n" + markdown() + "\n" + END;
        String expected = file.substring(0, begin) + generated + file.substring(end + END.length());
        if (Boolean.getBoolean("catalog.write")) {
            Files.writeString(REFERENCE, expected, StandardCharsets.UTF_8);
            file = expected;
        }
        assertEquals(expected, file, "docs/configuration.md is not what Catalog.java declares: run"
                + " mvn -pl agent test -Dtest=CatalogTest -Dcatalog.write=true");
    }

    @Test
    void everySettingIsDeclaredOnceWithADoc() {
        Set<String> canonical = new HashSet<>();
        for (Key<?> key : Catalog.all()) {
            assertTrue(canonical.add(RelaxedNames.canonicalKey(key.name())), "declared twice: " + key);
            assertFalse(key.doc().isBlank(), "no doc: " + key);
        }
    }

    @Test
    void aMistypedKeyIsAnsweredWithTheDeclaredOne() throws Exception {
        for (Key<?> key : Catalog.all()) {
            if (!key.name().startsWith("eureka.")) {
                continue;
            }
            String name = key.name() + (key.isMap() ? ".x" : "");
            int cut = key.name().lastIndexOf('.') + 2;
            String typo = name.substring(0, cut) + name.substring(cut + 1);
            List<String> warnings = AgentConfigTest.load(null, Map.of(typo, "1"), Map.of()).warnings();
            assertTrue(warnings.toString().contains("did you mean " + name + "?"), typo + ": " + warnings);
        }
    }

    @Test
    void everyDefaultIsShownAsAValueThatReadsBackAsTheDefault() throws Exception {
        for (Key<?> key : Catalog.all()) {
            String written = key.writtenDefault();
            if (written != null && !key.isMap()) {
                List<String> warnings = AgentConfigTest.load(null, Map.of(key.name(), written), Map.of()).warnings();
                assertEquals(List.of(), warnings, key.name());
                assertEquals(key.defaultValue(), key.parse(written), key.name());
            }
        }
    }

    /** Adding a setting is its declaration plus its read: one declared but never read fails here. */
    @Test
    void everyDeclaredKeyIsReadAndEveryKeyReadIsDeclared() throws Exception {
        // The keys read only in some cases: TLS stores, Quarkus' management port.
        AgentConfig config = AgentConfigTest.load(null,
                Map.of("eureka.client.tls.enabled", "true", "quarkus.management.enabled", "true"), Map.of());

        Set<String> declared = new TreeSet<>();
        Catalog.all().forEach(key -> declared.add(key.name()));
        Set<String> read = new TreeSet<>();
        config.keysRead().forEach(key -> read.add(key.name()));
        assertEquals(declared, read);
        assertTrue(Catalog.all().containsAll(config.keysRead()), "a key read that Catalog does not list");
    }

    /** A section read whole (the instance's) reads every key: each declared key must also be used by its name. */
    @Test
    void everyDeclaredKeyIsUsedByNameOutsideTheCatalog() throws Exception {
        StringBuilder sources = new StringBuilder();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java")
                    && !f.endsWith("Catalog.java"))::iterator) {
                sources.append(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        for (Field field : Catalog.class.getFields()) {
            if (field.getType() == Key.class) {
                assertTrue(sources.indexOf("Catalog." + field.getName()) >= 0, "Catalog." + field.getName()
                        + " is declared but no code uses it");
            }
        }
    }

    @Test
    void environmentNamesFollowSpringBootAndReadBackAsTheirKeys() {
        assertEquals(
                "EUREKA_INSTANCE_LEASERENEWALINTERVALINSECONDS",
                environmentName(Catalog.LEASE_RENEWAL_INTERVAL));
        assertEquals("EUREKA_CLIENT_SERVICEURL_<KEY>", environmentName(Catalog.SERVICE_URL));
        for (Key<?> key : Catalog.all()) {
            String variable = environmentName(key).replace("_<KEY>", "");
            assertEquals(RelaxedNames.canonicalKey(key.name()),
                    RelaxedNames.canonicalKey(RelaxedNames.envSegments(variable)), variable);
        }
    }

    /** A table per concern: key and its environment variable, default, accepted values, what it does. */
    private static String markdown() {
        StringBuilder out = new StringBuilder();
        for (Catalog.Section section : Catalog.Section.values()) {
            out.append("\n### ").append(section.title).append("\n\n").append(section.summary).append("\n\n");
            out.append("| setting | default | values | what it does |\n|---|---|---|---|\n");
            for (Key<?> key : Catalog.all()) {
                if (key.section() == section) {
                    String shown = key.shownDefault();
                    out.append("| `").append(key.name()).append(key.isMap() ? ".*" : "").append("`<br>`")
                            .append(environmentName(key)).append("` | ")
                            .append(shown.equals(key.writtenDefault()) ? "`" + shown + "`" : shown).append(" | ")
                            .append(key.values().replace("|", "\\|")).append(" | ").append(key.doc()).append(" |\n");
                }
            }
        }
        out.append("\n### Spring Cloud settings the agent does not use\n\nThe rest of Spring Cloud Netflix's `eureka.*`"
                + " keys: each, when set, is named in one line (at start and by `check`) with why and what to do"
                + " instead.\n\n| setting | why, and what instead |\n|---|---|\n");
        UnusedSpringKeys.all().forEach((name, why) -> out.append("| `").append(name).append("` | ").append(why)
                .append(" |\n"));
        out.append("\n### The Netflix client's names\n\nA legacy service's `eureka-client.properties`"
                + " (on the JVM's class path, or the file `eureka.client.props` names;"
                + " `eureka-client-<eureka.environment>.properties`, `test` by default, above it, as Archaius"
                + " cascades them; a WAR's `WEB-INF/classes` is not on that class path), agent arguments, system"
                + " properties and the config file may use the Netflix client's names: each is read as the agent's"
                + " setting beside it, below the agent's name wherever that is set (a line says so). Never from"
                + " environment variables: Kubernetes sets `EUREKA_PORT=tcp://...` in every pod of a namespace with"
                + " a service named eureka.\n\n| Netflix client | the agent's setting |\n|---|---|\n");
        NetflixNames.all().forEach((netflix, agent) -> out.append("| `").append(netflix).append("` | `").append(agent)
                .append("` |\n"));
        return out.toString();
    }

    /** Spring Boot's environment form ({@link Key#environmentName}); a map's entries as {@code _<KEY>}. */
    private static String environmentName(Key<?> key) {
        return key.isMap() ? key.environmentName() + "_<KEY>" : key.environmentName();
    }
}
