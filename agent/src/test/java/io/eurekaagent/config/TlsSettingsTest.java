package io.eurekaagent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** eureka.client.tls.*: stores opened at start-up; every way they can be wrong is one line naming the setting. */
class TlsSettingsTest {
    @TempDir
    static Path dir;
    static Path keyStore;
    static Path trustStore;

    /** A PKCS12 key store with one key pair (password "secret1") and a trust store with its certificate. */
    @BeforeAll
    static void stores() throws Exception {
        keyStore = dir.resolve("client.p12");
        trustStore = dir.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "client", "-keyalg", "EC", "-dname", "CN=agent", "-validity", "2",
                "-keystore", keyStore.toString(), "-storepass", "secret1", "-storetype", "PKCS12");
        keytool("-exportcert", "-alias", "client", "-keystore", keyStore.toString(), "-storepass", "secret1",
                "-file", dir.resolve("client.cer").toString());
        keytool("-importcert", "-noprompt", "-alias", "client", "-file", dir.resolve("client.cer").toString(),
                "-keystore", trustStore.toString(), "-storepass", "secret2", "-storetype", "PKCS12");
        Files.writeString(dir.resolve("notes.txt"), "not a key store");
    }

    static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), output);
    }

    private static Map<String, String> good() {
        Map<String, String> settings = new HashMap<>();
        settings.put("eureka.client.tls.enabled", "true");
        settings.put("eureka.client.tls.key-store", keyStore.toString());
        settings.put("eureka.client.tls.key-store-password", "secret1");
        settings.put("eureka.client.tls.trust-store", "file:" + trustStore);
        settings.put("eureka.client.tls.trust-store-password", "secret2");
        return settings;
    }

    @Test
    void goodStoresGiveAnSslContext() throws Exception {
        assertNotNull(AgentConfigTest.load(null, good(), Map.of()).servers().tlsContext());
    }

    @Test
    void withoutTlsEnabledTheJdkDefaultsAreUsedAndAStoreSettingIsWarnedAbout() throws Exception {
        AgentConfig config =
                AgentConfigTest.load(null, Map.of("eureka.client.tls.trust-store", trustStore.toString()), Map.of());

        assertNull(config.servers().tlsContext());
        assertEquals(
                List.of("eureka.client.tls.trust-store (system property) has no effect without"
                        + " eureka.client.tls.enabled=true"),
                config.warnings());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "eureka.client.tls.key-store | /no/such/client.p12 | eureka.client.tls.key-store=/no/such/client.p12"
                        + " (system property): expected a readable key store file (not found)",
                "eureka.client.tls.trust-store | /no/such/trust.p12 | eureka.client.tls.trust-store=/no/such/trust.p12"
                        + " (system property): expected a readable trust store file (not found)",
                "eureka.client.tls.key-store-password | wrong | eureka.client.tls.key-store-password=**** (system"
                        + " property): expected the password of KEYSTORE",
                "eureka.client.tls.trust-store-password | wrong | eureka.client.tls.trust-store-password=**** (system"
                        + " property): expected the password of file:TRUSTSTORE",
                "eureka.client.tls.key-password | wrong | eureka.client.tls.key-password=**** (system property):"
                        + " expected the password of the private key in KEYSTORE",
                "eureka.client.tls.key-store-type | PKCS13 | eureka.client.tls.key-store-type=PKCS13 (system"
                        + " property): expected a key store type such as PKCS12 or JKS",
                "eureka.client.tls.key-store | NOTES | eureka.client.tls.key-store=NOTES (system property): expected a"
                        + " readable PKCS12 key store",
                "eureka.client.tls.key-store | TRUSTSTORE | eureka.client.tls.key-store=TRUSTSTORE (system property):"
                        + " expected a key store holding a private key and its certificate",
                "eureka.client.tls.enabled | yes | eureka.client.tls.enabled=yes (system property): expected true or"
                        + " false",
            })
    void aBadStoreSettingIsOneLine(String key, String value, String message) {
        Map<String, String> settings = good();
        settings.put(key, resolve(value));
        if (key.equals("eureka.client.tls.key-store") && value.equals("TRUSTSTORE")) {
            settings.put("eureka.client.tls.key-store-password", "secret2");
        }
        InvalidSettingException e =
                assertThrows(InvalidSettingException.class, () -> AgentConfigTest.load(null, settings, Map.of()));

        assertEquals(1, e.problems().size(), e.problems().toString());
        assertTrue(e.problems().get(0).startsWith(resolve(message)), e.problems().get(0));
        assertTrue(
                !e.problems().get(0).contains("secret") && !e.problems().get(0).contains("wrong"),
                e.problems().get(0));
    }

    private static String resolve(String text) {
        return text.replace("KEYSTORE", keyStore.toString()).replace("TRUSTSTORE", trustStore.toString())
                .replace("NOTES", dir.resolve("notes.txt").toString());
    }
}
