package io.eurekaagent.discovery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable view of the registry: instances by id, and lookups by app name or VIP address. A delta gives a new
 * view; the old one stays valid for whoever still reads it.
 */
public final class Registry {
    static final Registry EMPTY = new Registry(Map.of());

    private final Map<String, RegisteredInstance> byId;
    private final Map<String, List<RegisteredInstance>> byName = new HashMap<>();

    private Registry(Map<String, RegisteredInstance> byId) {
        this.byId = byId;
        for (RegisteredInstance instance : byId.values()) {
            if (!instance.isCallable()) {
                continue;
            }
            String app = lowerCase(instance.app());
            String vip = lowerCase(instance.vipAddress());
            String secureVip = lowerCase(instance.secureVipAddress());
            // Once under each distinct name, in linear time (a list search here was quadratic in a big app).
            index(app, instance);
            if (vip != null && !vip.equals(app)) {
                index(vip, instance);
            }
            if (secureVip != null && !secureVip.equals(app) && !secureVip.equals(vip)) {
                index(secureVip, instance);
            }
        }
    }

    private static String lowerCase(String name) {
        return name == null ? null : name.toLowerCase(Locale.ROOT);
    }

    private void index(String name, RegisteredInstance instance) {
        if (name != null) {
            byName.computeIfAbsent(name, key -> new ArrayList<>()).add(instance);
        }
    }

    public static Registry of(Collection<RegisteredInstance> instances) {
        Map<String, RegisteredInstance> byId = new LinkedHashMap<>();
        for (RegisteredInstance instance : instances) {
            byId.put(key(instance), instance);
        }
        return new Registry(byId);
    }

    /** This registry with a delta's changes applied in order: added and modified replace, deleted remove. */
    public Registry apply(Collection<RegisteredInstance> changes) {
        Map<String, RegisteredInstance> next = new LinkedHashMap<>(byId);
        for (RegisteredInstance change : changes) {
            if (change.action() == RegisteredInstance.Action.DELETED) {
                next.remove(key(change));
            } else {
                next.put(key(change), change);
            }
        }
        return new Registry(next);
    }

    private static String key(RegisteredInstance instance) {
        return instance.app() + "/" + instance.instanceId();
    }

    /** Every instance an app name or VIP address (any case) names; empty when none. */
    public List<RegisteredInstance> named(String name) {
        List<RegisteredInstance> named = byName.get(name.toLowerCase(Locale.ROOT));
        return named == null ? List.of() : named;
    }

    public Collection<RegisteredInstance> all() {
        return byId.values();
    }

    public int size() {
        return byId.size();
    }

    /** Eureka's reconciliation hash: {@code STATUS_count_} for each status, sorted, e.g. {@code DOWN_1_UP_5_}. */
    public String hashCodeOfStatuses() {
        Map<String, Integer> counts = new TreeMap<>();
        for (RegisteredInstance instance : byId.values()) {
            counts.merge(instance.status(), 1, Integer::sum);
        }
        StringBuilder hash = new StringBuilder();
        counts.forEach((status, count) -> hash.append(status).append('_').append(count).append('_'));
        return hash.toString();
    }
}
