package io.eurekaagent.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Eureka servers in the order the agent prefers them, from Spring Cloud's zone settings:
 * {@code eureka.client.service-url.<zone>}, {@code eureka.client.region}, {@code
 * eureka.client.availability-zones.<region>},
 * {@code eureka.instance.metadata-map.zone} and {@code eureka.client.prefer-same-zone-eureka}.
 * As in Spring Cloud, the zone list starts at the instance's own zone and wraps around, and a zone without URLs uses
 * defaultZone's. Unlike Spring Cloud, zones left out of availability-zones are still used, last: a server the user
 * named is never silently dropped.
 */
final class ServerOrder {
    static final String DEFAULT_ZONE = "defaultZone";

    private ServerOrder() {
    }

    static List<ServiceUrl> read(SettingReader r, Map<String, String> metadata) {
        Map<String, Setting> urlsByZone = r.settingsUnder(Catalog.SERVICE_URL);
        boolean preferSameZone = r.get(Catalog.PREFER_SAME_ZONE);
        String region = r.get(Catalog.REGION);
        List<String> zones = availabilityZones(r, region);
        String myZone = metadata.containsKey("zone") ? metadata.get("zone") : zones.isEmpty() ? null : zones.get(0);
        for (String zone : urlsByZone.keySet()) {
            if (indexOf(zones, zone) < 0 && !same(zone, DEFAULT_ZONE)) {
                zones.add(zone);
            }
        }
        Setting fallback = find(urlsByZone, DEFAULT_ZONE);
        if (urlsByZone.isEmpty() || fallback != null) {
            zones.add(DEFAULT_ZONE);
        }
        int mine = myZone == null ? -1 : indexOf(zones, myZone);
        if (preferSameZone && mine > 0) {
            List<String> rotated = new ArrayList<>(zones.subList(mine, zones.size()));
            rotated.addAll(zones.subList(0, mine));
            zones = rotated;
        }
        Map<String, ServiceUrl> ordered = new LinkedHashMap<>();
        for (String zone : zones) {
            Setting urls = find(urlsByZone, zone);
            if (urls == null && fallback == null && !urlsByZone.isEmpty()) {
                continue;
            }
            for (ServiceUrl url : r.serviceUrls(urls != null ? urls : fallback,
                    Catalog.SERVICE_URL.defaultValue().get(DEFAULT_ZONE))) {
                ordered.putIfAbsent(url.uri().toString(), url);
            }
        }
        // Only when servers are given by zone: a zone in metadata beside defaultZone alone is normal (Spring Cloud
        // LoadBalancer prefers same-zone instances by it).
        boolean byZone = urlsByZone.size() > (fallback == null ? 0 : 1);
        if (preferSameZone && myZone != null && find(urlsByZone, myZone) == null && byZone) {
            r.warning("eureka.instance.metadata-map.zone=" + myZone + " but no eureka.client.service-url." + myZone
                    + ": no server counts as same-zone");
        }
        return new ArrayList<>(ordered.values());
    }

    private static List<String> availabilityZones(SettingReader r, String region) {
        List<String> zones = new ArrayList<>();
        Setting listed = find(r.settingsUnder(Catalog.AVAILABILITY_ZONES), region);
        if (listed != null) {
            for (String zone : listed.value().split(",")) {
                if (!zone.isBlank() && indexOf(zones, zone.trim()) < 0) {
                    zones.add(zone.trim());
                }
            }
        }
        return zones;
    }

    /** Zone names compare as relaxed keys do: env variables spell defaultZone DEFAULTZONE. */
    private static boolean same(String a, String b) {
        return RelaxedNames.canonical(a).equals(RelaxedNames.canonical(b));
    }

    private static int indexOf(List<String> zones, String zone) {
        for (int i = 0; i < zones.size(); i++) {
            if (same(zones.get(i), zone)) {
                return i;
            }
        }
        return -1;
    }

    private static Setting find(Map<String, Setting> byZone, String zone) {
        for (Map.Entry<String, Setting> entry : byZone.entrySet()) {
            if (same(entry.getKey(), zone)) {
                return entry.getValue();
            }
        }
        return null;
    }
}
