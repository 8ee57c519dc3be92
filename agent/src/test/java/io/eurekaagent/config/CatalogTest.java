package io.eurekaagent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The catalog is the one list of settings: the reference in docs/configuration.md, the typo hints and the
 * defaults all come from it. Run with {@code -Dcatalog.write=true} to rewrite the reference after changing it.
 */
class CatalogTest {
    private static final Path REFERENCE = Path.of(System.getProperty("user.dir")).getParent()
            .resolve("docs/configuration.md");

    @Test
    void docsConfigurationMdHoldsTheReferenceTheCatalogRenders() throws IOException {
        String file = Files.readString(REFERENCE, StandardCharsets.UTF_8);
        int begin = file.indexOf(Reference.BEGIN);
        int end = file.indexOf(Reference.END);
        assertTrue(begin >= 0 && end > begin, REFERENCE + " lacks the generated block's markers");
        String generated = Reference.BEGIN + "\n" + Reference.markdown() + "\n" + Reference.END;
        String expected = file.substring(0, begin) + generated + file.substring(end + Reference.END.length());
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

    @Test
    void environmentNamesFollowSpringBoot() {
        assertEquals(
                "EUREKA_INSTANCE_LEASERENEWALINTERVALINSECONDS",
                Reference.environmentName(Catalog.LEASE_RENEWAL_INTERVAL));
        assertEquals("EUREKA_CLIENT_SERVICEURL_<KEY>", Reference.environmentName(Catalog.SERVICE_URL));
    }
}
