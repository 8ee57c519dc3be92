package io.eurekaagent.config;

import java.time.Duration;

/** The agent's copy of the registry and calls by service name. */
public final class DiscoverySettings {
    private boolean fetchRegistry;
    private Duration fetchInterval;
    private boolean filterOnlyUpInstances;
    private boolean resolveServiceUrls;

    private DiscoverySettings() {
    }

    static DiscoverySettings read(SettingReader r) {
        DiscoverySettings s = new DiscoverySettings();
        s.fetchRegistry = r.get(Catalog.FETCH_REGISTRY);
        s.fetchInterval = Duration.ofSeconds(r.get(Catalog.REGISTRY_FETCH_INTERVAL));
        s.filterOnlyUpInstances = r.get(Catalog.FILTER_ONLY_UP);
        s.resolveServiceUrls = r.get(Catalog.RESOLVE_SERVICE_URLS);
        if (s.resolveServiceUrls && !s.fetchRegistry) {
            r.problem(r.firstSet(Catalog.RESOLVE_SERVICE_URLS), "false, or eureka.client.fetch-registry=true: names are"
                    + " resolved from the registry the agent fetches");
        }
        return s;
    }

    /** Whether the agent keeps a copy of the registry ({@code eureka.client.fetch-registry}). */
    public boolean fetchRegistry() { return fetchRegistry; }
    /** How often the delta is fetched. */
    public Duration fetchInterval() { return fetchInterval; }
    public boolean filterOnlyUpInstances() { return filterOnlyUpInstances; }
    /** Whether HTTP requests to {@code http://<service>/...} go to a registered instance. */
    public boolean resolveServiceUrls() { return resolveServiceUrls; }
}
