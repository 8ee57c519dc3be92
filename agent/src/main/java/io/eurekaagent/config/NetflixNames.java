package io.eurekaagent.config;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Netflix client's own names for the agent's settings ({@code eureka.serviceUrl.default}, {@code eureka.name},
 * {@code eureka.port}, ...), as legacy services carry them in {@code eureka-client.properties}: read from that file on
 * the class path and from agent arguments, system properties and the config file, each below Spring's name for the
 * same setting (issue 23). Never from environment variables: Kubernetes gives every pod {@code EUREKA_PORT=tcp://...}
 * for a service named eureka.
 */
final class NetflixNames {
    /** Netflix's name -> the agent's key, as the reference lists them. */
    private static final Map<String, Key<?>> ALIASES = new LinkedHashMap<>();
    /** The same by canonical name ({@link RelaxedNames}), for the look-ups. */
    private static final Map<String, Key<?>> CANONICAL = new HashMap<>();
    /** Netflix's map prefixes -> the agent's map key: {@code eureka.serviceUrl.<zone>}, {@code eureka.metadata.*}. */
    private static final Map<String, Key<Map<String, String>>> MAPS = new LinkedHashMap<>();
    /** {@code eureka.<region>.availabilityZones}: the one Netflix name with its variable part in the middle. */
    private static final String ZONES = "availabilityzones";
    /** The names of the file, as the Netflix client finds it (its Archaius cascade: base, then environment). */
    static final String FILE_PROPERTY = "eureka.client.props";
    static final String ENVIRONMENT_PROPERTY = "eureka.environment";

    static {
        MAPS.put("eureka.serviceUrl", Catalog.SERVICE_URL);
        ALIASES.put("eureka.region", Catalog.REGION);
        ALIASES.put("eureka.preferSameZone", Catalog.PREFER_SAME_ZONE);
        ALIASES.put("eureka.eurekaServer.connectTimeout", Catalog.CONNECT_TIMEOUT);
        ALIASES.put("eureka.eurekaServer.readTimeout", Catalog.READ_TIMEOUT);
        ALIASES.put("eureka.eurekaServer.proxyHost", Catalog.PROXY_HOST);
        ALIASES.put("eureka.eurekaServer.proxyPort", Catalog.PROXY_PORT);
        ALIASES.put("eureka.eurekaServer.proxyUserName", Catalog.PROXY_USER_NAME);
        ALIASES.put("eureka.eurekaServer.proxyPassword", Catalog.PROXY_PASSWORD);
        ALIASES.put("eureka.name", Catalog.APP_NAME);
        ALIASES.put("eureka.instanceId", Catalog.INSTANCE_ID);
        ALIASES.put("eureka.vipAddress", Catalog.VIRTUAL_HOST_NAME);
        ALIASES.put("eureka.secureVipAddress", Catalog.SECURE_VIRTUAL_HOST_NAME);
        ALIASES.put("eureka.asgName", Catalog.ASG_NAME);
        ALIASES.put("eureka.appGroup", Catalog.APP_GROUP_NAME);
        ALIASES.put("eureka.lease.renewalInterval", Catalog.LEASE_RENEWAL_INTERVAL);
        ALIASES.put("eureka.lease.duration", Catalog.LEASE_EXPIRATION);
        MAPS.put("eureka.metadata", Catalog.METADATA);
        ALIASES.put("eureka.homePageUrlPath", Catalog.HOME_PAGE_URL_PATH);
        ALIASES.put("eureka.statusPageUrlPath", Catalog.STATUS_PAGE_URL_PATH);
        ALIASES.put("eureka.healthCheckUrlPath", Catalog.HEALTH_CHECK_URL_PATH);
        ALIASES.put("eureka.homePageUrl", Catalog.HOME_PAGE_URL);
        ALIASES.put("eureka.statusPageUrl", Catalog.STATUS_PAGE_URL);
        ALIASES.put("eureka.healthCheckUrl", Catalog.HEALTH_CHECK_URL);
        ALIASES.put("eureka.secureHealthCheckUrl", Catalog.SECURE_HEALTH_CHECK_URL);
        ALIASES.put("eureka.port", Catalog.NON_SECURE_PORT);
        ALIASES.put("eureka.port.enabled", Catalog.NON_SECURE_PORT_ENABLED);
        ALIASES.put("eureka.securePort", Catalog.SECURE_PORT);
        ALIASES.put("eureka.securePort.enabled", Catalog.SECURE_PORT_ENABLED);
        ALIASES.put("eureka.shouldOnDemandUpdateStatusChange", Catalog.ON_DEMAND_STATUS_CHANGE);
        ALIASES.put("eureka.shouldFetchRegistry", Catalog.FETCH_REGISTRY);
        ALIASES.put("eureka.client.refresh.interval", Catalog.REGISTRY_FETCH_INTERVAL);
        ALIASES.put("eureka.shouldFilterOnlyUpInstances", Catalog.FILTER_ONLY_UP);
        ALIASES.put("eureka.registration.enabled", Catalog.REGISTER_WITH_EUREKA);
        ALIASES.put("eureka.shouldUnregisterOnShutdown", Catalog.UNREGISTER_ON_SHUTDOWN);
        // A loop, not a lambda: this runs in premain, where a JVM's first lambda costs milliseconds.
        for (Map.Entry<String, Key<?>> alias : ALIASES.entrySet()) {
            CANONICAL.put(RelaxedNames.canonicalKey(alias.getKey()), alias.getValue());
        }
    }

    private NetflixNames() {
    }

    /** Netflix's name -> the agent's name, for the reference ({@code .<zone>} for a map's entries). */
    static Map<String, String> all() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("eureka.serviceUrl.default", Catalog.SERVICE_URL.name() + ".defaultZone");
        names.put("eureka.serviceUrl.<zone>", Catalog.SERVICE_URL.name() + ".<zone>");
        names.put("eureka.<region>.availabilityZones", Catalog.AVAILABILITY_ZONES.name() + ".<region>");
        names.put("eureka.metadata.<key>", Catalog.METADATA.name() + ".<key>");
        ALIASES.forEach((netflix, key) -> names.put(netflix, key.name()));
        return Collections.unmodifiableMap(names);
    }

    /**
     * The settings with {@code eureka-client.properties} (or the file {@code eureka.client.props} names) and its
     * environment's file below them, then the Netflix names found anywhere but the environment, each filed under the
     * agent's name unless that name is set too (a line in {@code warnings} then).
     */
    static LayeredSettings addTo(LayeredSettings settings, List<String> warnings) {
        Setting file = settings.get(FILE_PROPERTY);
        String base = file == null ? "eureka-client" : file.value().trim();
        Setting environment = settings.get(ENVIRONMENT_PROPERTY);
        String stage = environment == null ? "test" : environment.value().trim();
        for (String name : List.of(base + "-" + stage + ".properties", base + ".properties")) {
            try {
                ConfigSource source = ConfigFile.classPathResource(name);
                settings = source == null ? settings : settings.withLowest(source);
            } catch (IOException e) {
                warnings.add("class path resource " + name + " ignored: " + e.getMessage());
            }
        }
        ConfigSource aliases = ConfigSource.aliases();
        for (Map.Entry<String, Setting> entry : settings.allButEnvironment().entrySet()) {
            List<String> target = target(entry.getKey(), RelaxedNames.propertySegments(entry.getValue().key()));
            if (target == null) {
                continue;
            }
            Setting spring = settings.getCanonical(RelaxedNames.canonicalKey(target));
            if (spring == null) {
                aliases.addAlias(target, entry.getValue());
            } else {
                warnings.add(entry.getValue().key() + " (" + entry.getValue().source() + ") is the Netflix client's"
                        + " name of " + String.join(".", target) + ", set too: " + spring.key() + " ("
                        + spring.source() + ") is used");
            }
        }
        return settings.withLowest(aliases);
    }

    /** Whether the agent reads this canonical key under its Netflix name (the typo check leaves it alone). */
    static boolean isNetflixName(String canonicalKey) {
        return canonicalKey.equals(FILE_PROPERTY) || canonicalKey.equals(ENVIRONMENT_PROPERTY)
                || target(canonicalKey, RelaxedNames.propertySegments(canonicalKey)) != null;
    }

    /** The agent's key, as segments, for a key given under its Netflix name; null for any other key. */
    private static List<String> target(String canonicalKey, List<String> spelled) {
        Key<?> alias = CANONICAL.get(canonicalKey);
        if (alias != null) {
            return RelaxedNames.propertySegments(alias.name());
        }
        for (Map.Entry<String, Key<Map<String, String>>> map : MAPS.entrySet()) {
            String prefix = RelaxedNames.canonicalKey(map.getKey());
            if (canonicalKey.startsWith(prefix + ".")) {
                List<String> rest = spelled.subList(RelaxedNames.propertySegments(prefix).size(), spelled.size());
                boolean defaultZone = map.getValue() == Catalog.SERVICE_URL && rest.size() == 1
                        && rest.get(0).equalsIgnoreCase("default");
                return joined(map.getValue().name(), defaultZone ? List.of("defaultZone") : rest);
            }
        }
        if (spelled.size() == 3 && canonicalKey.startsWith("eureka.") && canonicalKey.endsWith("." + ZONES)) {
            return joined(Catalog.AVAILABILITY_ZONES.name(), spelled.subList(1, 2));
        }
        return null;
    }

    private static List<String> joined(String key, List<String> rest) {
        List<String> segments = new ArrayList<>(RelaxedNames.propertySegments(key));
        segments.addAll(rest);
        return segments;
    }
}
