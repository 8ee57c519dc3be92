package io.eurekaagent.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.eurekaagent.lifecycle.TestInstances.CapturedStderr;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostNamesTest {
    @TempDir
    Path dir;

    @Test
    void environmentFirstThenEtcHostname() throws Exception {
        Path etc = Files.writeString(dir.resolve("hostname"), "from-file\n");
        assertEquals("pod-7f9", HostNames.fromHost(Map.of("HOSTNAME", "pod-7f9"), etc));
        assertEquals("WIN-BOX", HostNames.fromHost(Map.of("COMPUTERNAME", "WIN-BOX"), etc));
        assertEquals("from-file", HostNames.fromHost(Map.of(), etc));
    }

    @Test
    void nothingKnownIsNull() {
        assertNull(HostNames.fromHost(Map.of("HOSTNAME", " "), dir.resolve("missing")));
    }

    @Test
    void aValueEurekasUrlsCannotCarryIsPassedOverWithOneLine() throws Exception {
        Path etc = Files.writeString(dir.resolve("hostname"), "from-file\n");
        try (CapturedStderr log = new CapturedStderr()) {
            assertEquals("from-file", HostNames.fromHost(Map.of("HOSTNAME", "web 1/x"), etc));

            assertEquals(1, log.count("host name 'web 1/x' from $HOSTNAME (environment variable) is not one Eureka's URLs"
                    + " can carry (letters, digits, '.', '-' or '_'): not used; set eureka.instance.hostname to choose one"),
                    log.text());
        }
    }
}
