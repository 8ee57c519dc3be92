package io.eurekaagent.instance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

/**
 * This host's own name, read without DNS: {@code InetAddress.getLocalHost()} took 5 s on macOS hosts missing from
 * /etc/hosts, and reverse lookups have blocked start-ups for 30 s.
 */
final class HostNames {
    private HostNames() {
    }

    /** $HOSTNAME (Docker and Kubernetes set it), %COMPUTERNAME%, /etc/hostname; else null. */
    static String fromHost(Map<String, String> env, Path etcHostname) {
        for (String variable : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
            String value = env.get(variable);
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        try {
            String value = Files.readString(etcHostname, StandardCharsets.UTF_8).trim();
            return value.isEmpty() ? null : value;
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    static String fromHost() {
        return fromHost(System.getenv(), Paths.get("/etc/hostname"));
    }
}
