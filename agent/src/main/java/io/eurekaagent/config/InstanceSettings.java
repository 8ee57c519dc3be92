package io.eurekaagent.config;

import java.util.List;

/**
 * What callers see in the registry: the instance's names, address, lease, metadata and page URLs, each as its
 * {@link Catalog} key declares it ({@link #get}); only the app's name, which four keys may give, is decided here.
 */
public final class InstanceSettings {
    /** Each framework's own spelling of the app's name, the first one set wins. */
    private static final List<Key<String>> APP_NAME_KEYS = List.of(Catalog.APP_NAME, Catalog.SPRING_APP_NAME,
            Catalog.QUARKUS_APP_NAME, Catalog.MICRONAUT_APP_NAME);

    private final SectionValues values;
    private String appName;

    private InstanceSettings(SectionValues values) {
        this.values = values;
    }

    static InstanceSettings read(SettingReader r) {
        InstanceSettings s = new InstanceSettings(new SectionValues(r, Catalog.Section.INSTANCE, APP_NAME_KEYS));
        for (Key<String> key : APP_NAME_KEYS) {
            if (r.isSet(key)) {
                s.appName = r.get(key);
                break;
            }
        }
        int renewal = s.get(Catalog.LEASE_RENEWAL_INTERVAL);
        if (s.get(Catalog.LEASE_EXPIRATION) <= renewal) {
            r.problem(r.firstSet(Catalog.LEASE_EXPIRATION, Catalog.LEASE_RENEWAL_INTERVAL), "more seconds than the"
                    + " renewal interval (" + renewal + "), or Eureka drops the instance between two heartbeats");
        }
        return s;
    }

    /** Null: derive it from the main class or jar. */
    public String appName() {
        return appName;
    }

    /** One of the section's values ({@link SectionValues#get}). */
    public <T> T get(Key<T> key) {
        return values.get(key);
    }
}
