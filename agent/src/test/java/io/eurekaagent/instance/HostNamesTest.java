package io.eurekaagent.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
}
