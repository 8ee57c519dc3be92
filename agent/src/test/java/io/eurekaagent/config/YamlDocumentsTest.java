package io.eurekaagent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An application.yml flattened to the property names Spring Boot gives its settings. */
class YamlDocumentsTest {
    @Test
    void listsAnchorsAndBooleansReadAsSpringBootReadsThem() {
        Map<String, String> settings = only(String.join("\n",
                "defaults: &defaults",
                "  zone: a",
                "  tier: web",
                "eureka:",
                "  instance:",
                "    metadata-map:",
                "      <<: *defaults",
                "      tier: api",
                "  client:",
                "    enabled: yes",
                "    fetch-registry: off",
                "    tags: [blue, green]",
                "    hostname: ~"));

        assertEquals("a", settings.get("eureka.instance.metadata-map.zone"));
        assertEquals("api", settings.get("eureka.instance.metadata-map.tier"));
        assertEquals("true", settings.get("eureka.client.enabled"));
        assertEquals("false", settings.get("eureka.client.fetch-registry"));
        assertEquals("green", settings.get("eureka.client.tags[1]"));
        assertEquals("", settings.get("eureka.client.hostname"));
    }

    @Test
    void quotedScalarsKeepTheirTextAndBlockScalarsTheirLines() {
        Map<String, String> settings = only(String.join("\n",
                "a: 'yes'",
                "b: \"off\"",
                "c: Yes",
                "d: yEs",
                "e: |",
                "  one",
                "  two",
                "f: !!str on"));

        assertEquals("yes", settings.get("a"));
        assertEquals("off", settings.get("b"));
        assertEquals("true", settings.get("c"));
        assertEquals("yEs", settings.get("d"), "YAML 1.1 has no mixed-case booleans");
        assertEquals("one\ntwo\n", settings.get("e"));
        assertEquals("on", settings.get("f"), "an explicit tag is no plain boolean");
    }

    @Test
    void listsOfMappingsBracketedKeysAndAMergedListRead() {
        Map<String, String> settings = only(String.join("\n",
                "one: &one {zone: a}",
                "two: &two {zone: b, rack: r2}",
                "merged:",
                "  <<: [*one, *two]",
                "servers:",
                "  - url: http://127.0.0.1:8761/eureka/",
                "    zone: a",
                "  - url: http://127.0.0.1:8762/eureka/",
                "metadata:",
                "  \"[team.name]\": payments",
                "? [a, complex, key]",
                ": ignored"));

        assertEquals("a", settings.get("merged.zone"), "the first merged mapping wins");
        assertEquals("r2", settings.get("merged.rack"));
        assertEquals("http://127.0.0.1:8761/eureka/", settings.get("servers[0].url"));
        assertEquals("a", settings.get("servers[0].zone"));
        assertEquals("http://127.0.0.1:8762/eureka/", settings.get("servers[1].url"));
        assertEquals("payments", settings.get("metadata[team.name]"));
        assertEquals(9, settings.size(), settings.toString());
    }

    @Test
    void eachDocumentIsReadOnItsOwnWithItsOwnAnchors() {
        List<Map<String, String>> documents = YamlDocuments.parse(String.join("\n",
                "spring.application.name: orders",
                "base: &base 8080",
                "---",
                "spring.config.activate.on-profile: canary",
                "spring.application.name: orders-canary",
                "---",
                "just a scalar"));

        assertEquals(List.of(Map.of("spring.application.name", "orders", "base", "8080"),
                Map.of("spring.config.activate.on-profile", "canary", "spring.application.name", "orders-canary"),
                Map.of()), documents);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> YamlDocuments.parse("a: &x 1\n---\nb: *x\n"));
        assertTrue(e.getMessage().startsWith("alias *x names no anchor before it at line 3"), e.getMessage());
    }

    @Test
    void malformedFilesAreAnErrorThatNamesTheLine() {
        IllegalArgumentException unclosed = assertThrows(IllegalArgumentException.class,
                () -> YamlDocuments.parse("spring:\n  application:\n    name: [orders\n"));
        assertTrue(unclosed.getMessage().contains(" at line 4"), unclosed.getMessage());

        StringBuilder laughs = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 6; i++) {
            laughs.append("a").append(i).append(": &a").append(i).append(" [");
            laughs.append(String.join(", ", List.of("*a" + (i - 1), "*a" + (i - 1), "*a" + (i - 1), "*a" + (i - 1),
                    "*a" + (i - 1), "*a" + (i - 1), "*a" + (i - 1), "*a" + (i - 1), "*a" + (i - 1), "*a" + (i - 1))));
            laughs.append("]\n");
        }
        IllegalArgumentException expanded = assertThrows(IllegalArgumentException.class,
                () -> YamlDocuments.parse(laughs.toString()));
        assertTrue(expanded.getMessage().startsWith("more than 10000 settings in one document"),
                expanded.getMessage());

        IllegalArgumentException deep = assertThrows(IllegalArgumentException.class,
                () -> YamlDocuments.parse("a: " + "[".repeat(60) + "]".repeat(60) + "\n"));
        assertTrue(deep.getMessage().startsWith("nested deeper than 50 levels"), deep.getMessage());
    }

    private static Map<String, String> only(String yaml) {
        List<Map<String, String>> documents = YamlDocuments.parse(yaml);
        assertEquals(1, documents.size(), documents.toString());
        return documents.get(0);
    }
}
