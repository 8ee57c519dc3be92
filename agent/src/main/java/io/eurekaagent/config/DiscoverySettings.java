package io.eurekaagent.config;

import java.util.List;

/** The agent's copy of the registry and calls by service name. */
public final class DiscoverySettings {
    private final SectionValues values;

    private DiscoverySettings(SectionValues values) {
        this.values = values;
    }

    static DiscoverySettings read(SettingReader r) {
        DiscoverySettings s = new DiscoverySettings(new SectionValues(r, Catalog.Section.DISCOVERY, List.of()));
        if (s.get(Catalog.RESOLVE_SERVICE_URLS) && !s.get(Catalog.FETCH_REGISTRY)) {
            r.problem(r.firstSet(Catalog.RESOLVE_SERVICE_URLS), "false, or eureka.client.fetch-registry=true: names are"
                    + " resolved from the registry the agent fetches");
        }
        return s;
    }

    /** One of the section's values ({@link SectionValues#get}). */
    public <T> T get(Key<T> key) {
        return values.get(key);
    }
}
