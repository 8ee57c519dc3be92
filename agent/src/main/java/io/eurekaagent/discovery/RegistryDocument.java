package io.eurekaagent.discovery;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code GET /apps} and {@code GET /apps/delta} answers in every shape servers send (shared/eureka-protocol.md):
 * a single application or instance as an object instead of an array, numbers and booleans as strings or not, both
 * spellings of the override field. Unknown fields are ignored; an instance without an id is skipped.
 */
public final class RegistryDocument {
    private final List<RegisteredInstance> instances;
    private final String appsHashCode;

    private RegistryDocument(List<RegisteredInstance> instances, String appsHashCode) {
        this.instances = instances;
        this.appsHashCode = appsHashCode;
    }

    public List<RegisteredInstance> instances() {
        return instances;
    }

    /** The server's {@code apps__hashcode}, empty when absent. */
    public String appsHashCode() {
        return appsHashCode;
    }

    /** @throws IOException when the body is not JSON or has no {@code applications} object */
    public static RegistryDocument parse(byte[] json) throws IOException {
        Map<String, Object> root = JSON.std.mapFrom(json);
        Object applications = root == null ? null : root.get("applications");
        if (!(applications instanceof Map)) {
            throw new IOException("no \"applications\" object in the answer");
        }
        Map<?, ?> apps = (Map<?, ?>) applications;
        List<RegisteredInstance> instances = new ArrayList<>();
        for (Object application : asList(apps.get("application"))) {
            if (application instanceof Map) {
                Map<?, ?> app = (Map<?, ?>) application;
                for (Object instance : asList(app.get("instance"))) {
                    if (instance instanceof Map && text((Map<?, ?>) instance, "instanceId") != null) {
                        instances.add(instance((Map<?, ?>) instance, text(app, "name")));
                    }
                }
            }
        }
        String hash = text(apps, "apps__hashcode");
        return new RegistryDocument(instances, hash == null ? "" : hash);
    }

    private static RegisteredInstance instance(Map<?, ?> fields, String appName) {
        Map<?, ?> metadata = fields.get("metadata") instanceof Map ? (Map<?, ?>) fields.get("metadata") : Map.of();
        Map<?, ?> lease = fields.get("leaseInfo") instanceof Map ? (Map<?, ?>) fields.get("leaseInfo") : Map.of();
        String app = text(fields, "app") != null ? text(fields, "app") : appName;
        String action = text(fields, "actionType");
        return new RegisteredInstance(app == null ? "" : app.toUpperCase(Locale.ROOT), text(fields, "instanceId"),
                text(fields, "hostName"), text(fields, "ipAddr"), status(fields),
                number(port(fields, "port"), 7001), enabled(fields, "port", true),
                number(port(fields, "securePort"), 7002), enabled(fields, "securePort", false),
                text(fields, "vipAddress"), text(fields, "secureVipAddress"), text(metadata, "zone"),
                number(lease.get("registrationTimestamp"), 0L),
                action(action));
    }

    /** A delta's actionType; anything unexpected is taken as a modification (the instance is kept, refreshed). */
    private static RegisteredInstance.Action action(String action) {
        if (action == null) {
            return null;
        }
        switch (action.trim().toUpperCase(Locale.ROOT)) {
            case "ADDED":
                return RegisteredInstance.Action.ADDED;
            case "DELETED":
                return RegisteredInstance.Action.DELETED;
            default:
                return RegisteredInstance.Action.MODIFIED;
        }
    }

    /** An admin's override (either spelling) wins over the status the instance sent, as on the server. */
    private static String status(Map<?, ?> fields) {
        String override = text(fields, "overriddenStatus") != null ? text(fields, "overriddenStatus") : text(fields, "overriddenstatus");
        String status = override != null && !override.equals("UNKNOWN") ? override : text(fields, "status");
        return status == null ? "UP" : status.toUpperCase(Locale.ROOT);
    }

    private static Object port(Map<?, ?> fields, String name) {
        Object port = fields.get(name);
        return port instanceof Map ? ((Map<?, ?>) port).get("$") : port;
    }

    private static boolean enabled(Map<?, ?> fields, String name, boolean fallback) {
        Object port = fields.get(name);
        Object enabled = port instanceof Map ? ((Map<?, ?>) port).get("@enabled") : null;
        return enabled == null ? fallback : Boolean.parseBoolean(enabled.toString().trim());
    }

    private static List<?> asList(Object value) {
        return value instanceof List ? (List<?>) value : value == null ? List.of() : List.of(value);
    }

    private static String text(Map<?, ?> fields, String name) {
        Object value = fields.get(name);
        return value == null ? null : value.toString();
    }

    private static long number(Object value, long fallback) {
        if (value instanceof Number) {
            return ((Number) value).longValue();
        }
        try {
            return value == null ? fallback : Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static int number(Object value, int fallback) {
        return (int) number(value, (long) fallback);
    }
}
