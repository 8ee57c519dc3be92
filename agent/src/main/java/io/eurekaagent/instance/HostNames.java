package io.eurekaagent.instance;

import io.eurekaagent.config.HostSyntax;
import io.eurekaagent.log.AgentLog;
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

    /**
     * $HOSTNAME (Docker and Kubernetes set it), %COMPUTERNAME%, /etc/hostname; else null. A value that cannot be a
     * host name in Eureka's URLs ({@code web 1/x}) is passed over with one line: registered, it would get every
     * heartbeat refused.
     */
    static String fromHost(Map<String, String> env, Path etcHostname) {
        for (String variable : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
            String value = env.get(variable);
            if (value != null && !value.isBlank() && valid(value.trim(), "$" + variable + " (environment variable)")) {
                return value.trim();
            }
        }
        try {
            String value = Files.readString(etcHostname, StandardCharsets.UTF_8).trim();
            return !value.isEmpty() && valid(value, etcHostname.toString()) ? value : null;
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    private static boolean valid(String name, String source) {
        if (HostSyntax.isValid(name)) {
            return true;
        }
        AgentLog.warn("host name '" + name + "' from " + source + " is not one Eureka's URLs can carry (letters, digits,"
                + " '.', '-' or '_'): not used; set eureka.instance.hostname to choose one");
        return false;
    }

    static String fromHost() {
        return fromHost(System.getenv(), Paths.get("/etc/hostname"));
    }
}
