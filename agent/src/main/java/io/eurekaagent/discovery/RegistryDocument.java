package io.eurekaagent.discovery;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads {@code GET /apps} and {@code GET /apps/delta} answers in every shape servers send (shared/eureka-protocol.md):
 * a single application or instance as an object instead of an array, numbers and booleans as strings or not, both
 * spellings of the override field. Unknown fields are skipped; an instance without an id is skipped.
 * Streamed with jackson-core (bundled in Jackson jr), skipping what discovery does not use: a 10,000-instance
 * registry is read faster than the Netflix client's own codec reads it (src/benchmarks).
 */
public final class RegistryDocument {
    private static final JsonFactory JSON = new JsonFactory();

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
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("the answer is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.getCurrentName();
                parser.nextToken();
                if (field.equals("applications") && parser.currentToken() == JsonToken.START_OBJECT) {
                    return applications(parser);
                }
                parser.skipChildren();
            }
            throw new IOException("no \"applications\" object in the answer");
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static RegistryDocument applications(JsonParser parser) throws IOException {
        List<RegisteredInstance> instances = new ArrayList<>();
        String hash = "";
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.getCurrentName();
            JsonToken value = parser.nextToken();
            if (field.equals("apps__hashcode")) {
                hash = text(parser, "");
            } else if (field.equals("application")) {
                forEachObject(parser, value, () -> application(parser, instances));
            } else {
                parser.skipChildren();
            }
        }
        return new RegistryDocument(instances, hash);
    }

    private static void application(JsonParser parser, List<RegisteredInstance> instances) throws IOException {
        String name = null;
        int first = instances.size();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.getCurrentName();
            JsonToken value = parser.nextToken();
            if (field.equals("name")) {
                name = text(parser, null);
            } else if (field.equals("instance")) {
                forEachObject(parser, value, () -> instance(parser, instances));
            } else {
                parser.skipChildren();
            }
        }
        // An instance without "app" belongs to the application it is listed under ("name" may come after it).
        for (int i = first; i < instances.size(); i++) {
            if (instances.get(i).app().isEmpty() && name != null) {
                instances.set(i, instances.get(i).inApp(name.toUpperCase(Locale.ROOT)));
            }
        }
    }

    private static void instance(JsonParser parser, List<RegisteredInstance> instances) throws IOException {
        InstanceFields f = new InstanceFields();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.getCurrentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "instanceId": f.instanceId = text(parser, null); break;
                case "app": f.app = text(parser, ""); break;
                case "hostName": f.hostName = text(parser, null); break;
                case "ipAddr": f.ipAddr = text(parser, null); break;
                case "status": f.status = text(parser, null); break;
                case "overriddenStatus":
                case "overriddenstatus": f.override = text(parser, null); break;
                case "vipAddress": f.vipAddress = text(parser, null); break;
                case "secureVipAddress": f.secureVipAddress = text(parser, null); break;
                case "actionType": f.action = text(parser, null); break;
                case "port": f.port = port(parser, value, f.port); break;
                case "securePort": f.securePort = port(parser, value, f.securePort); break;
                case "metadata": f.zone = member(parser, value, "zone"); break;
                case "leaseInfo": f.registeredAt = number(member(parser, value, "registrationTimestamp"), 0L); break;
                default: parser.skipChildren();
            }
        }
        if (f.instanceId != null) {
            instances.add(f.instance());
        }
    }

    /** The values of one instance as read, with the server's defaults for what is missing. */
    private static final class InstanceFields {
        String instanceId;
        String app = "";
        String hostName;
        String ipAddr;
        String status;
        String override;
        String vipAddress;
        String secureVipAddress;
        String zone;
        String action;
        long registeredAt;
        Port port = new Port(7001, true);
        Port securePort = new Port(7002, false);

        RegisteredInstance instance() {
            return new RegisteredInstance(app.toUpperCase(Locale.ROOT), instanceId, hostName, ipAddr, status(), port.number,
                    port.enabled, securePort.number, securePort.enabled, vipAddress, secureVipAddress, zone, registeredAt, action(action));
        }

        /** An admin's override (either spelling) wins over the status the instance sent, as on the server. */
        private String status() {
            String chosen = override != null && !override.equals("UNKNOWN") ? override : status;
            return chosen == null ? "UP" : chosen.toUpperCase(Locale.ROOT);
        }
    }

    private static final class Port {
        final int number;
        final boolean enabled;

        Port(int number, boolean enabled) {
            this.number = number;
            this.enabled = enabled;
        }
    }

    /** {@code {"$":8080,"@enabled":"true"}}, or a bare number. */
    private static Port port(JsonParser parser, JsonToken value, Port fallback) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            return new Port((int) number(text(parser, null), fallback.number), fallback.enabled);
        }
        long number = fallback.number;
        boolean enabled = fallback.enabled;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.getCurrentName();
            parser.nextToken();
            if (field.equals("$")) {
                number = number(text(parser, null), fallback.number);
            } else if (field.equals("@enabled")) {
                enabled = Boolean.parseBoolean(String.valueOf(text(parser, null)).trim());
            } else {
                parser.skipChildren();
            }
        }
        return new Port((int) number, enabled);
    }

    /** One scalar member of an object ({@code metadata.zone}), the rest skipped; null when absent. */
    private static String member(JsonParser parser, JsonToken value, String name) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return null;
        }
        String found = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.getCurrentName();
            parser.nextToken();
            if (field.equals(name)) {
                found = text(parser, null);
            } else {
                parser.skipChildren();
            }
        }
        return found;
    }

    private interface Body {
        void read() throws IOException;
    }

    /** Runs {@code body} (positioned on START_OBJECT) for one object or for each object of an array. */
    private static void forEachObject(JsonParser parser, JsonToken value, Body body) throws IOException {
        if (value == JsonToken.START_OBJECT) {
            body.read();
        } else if (value == JsonToken.START_ARRAY) {
            for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY; element = parser.nextToken()) {
                if (element == JsonToken.START_OBJECT) {
                    body.read();
                } else {
                    parser.skipChildren();
                }
            }
        } else {
            parser.skipChildren();
        }
    }

    /** A scalar as text (numbers and booleans too); {@code fallback} for null or a structure (which is skipped). */
    private static String text(JsonParser parser, String fallback) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            parser.skipChildren();
            return fallback;
        }
        return token == JsonToken.VALUE_NULL ? fallback : parser.getText();
    }

    private static long number(String value, long fallback) {
        try {
            return value == null ? fallback : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
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
}
