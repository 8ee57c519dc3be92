package io.eurekaagent.cli;

import io.eurekaagent.client.EurekaClient;
import io.eurekaagent.client.EurekaUnavailableException;
import io.eurekaagent.config.ServiceUrl;
import io.eurekaagent.client.Transport;
import io.eurekaagent.config.AgentConfig;
import io.eurekaagent.config.ServerSettings;
import io.eurekaagent.discovery.Registry;
import io.eurekaagent.discovery.RegistryCache;
import io.eurekaagent.discovery.RegistryLimits;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/** {@code check}: the settings are valid (they got here), then each server is read alone; one line per finding. */
final class Preflight {
    private final PrintStream out;
    private final AgentConfig settings;
    private final ServerSettings config;
    private final Transport transport;

    Preflight(PrintStream out, AgentConfig settings, Transport transport) {
        this.out = out;
        this.settings = settings;
        this.config = settings.servers();
        this.transport = transport;
    }

    int run() {
        for (String warning : settings.warnings()) {
            out.println("warning: " + warning);
        }
        // Which value won, and from where: what an operator asks first of a setting that does not act.
        for (String setting : settings.inEffect()) {
            out.println("setting " + setting);
        }
        List<ServiceUrl> servers = config.serviceUrls();
        int warnings = settings.warnings().size();
        out.println("settings: ok" + (warnings == 0 ? "" : " but for " + warnings + " warning" + (warnings == 1 ? ""
                : "s")) + "; " + servers.size() + " Eureka server" + (servers.size() == 1 ? "" : "s")
                + (config.tlsContext() != null ? "; TLS key and trust stores opened" : ""));
        int failed = 0;
        for (ServiceUrl server : servers) {
            long start = System.nanoTime();
            try {
                Registry registry = RegistryCache.fetchWhole(EurekaClient.of(List.of(server), config, transport),
                        RegistryLimits.ofThisJvm());
                out.println(server + ": ok, " + registry.size() + " instances, "
                        + (System.nanoTime() - start) / 1_000_000 + " ms");
            } catch (EurekaUnavailableException | IOException e) {
                failed++;
                out.println(server + ": FAILED: " + e.getMessage());
            }
        }
        out.println(failed == 0 ? "all good" : failed + " of " + servers.size() + " servers failed");
        return failed == 0 ? CommandLine.OK : CommandLine.SERVER_PROBLEM;
    }
}
