package io.eurekaagent.discovery;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.eurekaagent.instance.AppNames;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code GET /apps} and {@code GET /apps/delta} answers in every shape Eureka servers send (the Netflix codec's):
 * a single application or instance as an object instead of an array, numbers and booleans as strings or not, both
 * spellings of the override field (docs/eureka-protocol.md, "What servers send back"). Unknown fields are skipped;
 * an instance without an id is left out.
 * Streamed with jackson-core (bundled in Jackson jr), skipping what discovery does not use: a 10,000-instance
 * registry is read faster than the Netflix client's own codec reads it (src/benchmarks).
 * A hostile answer costs no more than its bounds: instances past the limit, nesting past 32 levels or a string read
 * of more than 64 KB end the read with an IOException; entries that cannot be called (see {@link CallableAddress})
 * are kept (they count in the server's hash) but marked, and counted.
 */
public final class RegistryDocument {
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).maxStringLength(64 * 1024)
                    .maxNameLength(1024).build())
            .build();

    private final List<RegisteredInstance> instances;
    private final String appsHashCode;
    private final int uncallable;

    private RegistryDocument(List<RegisteredInstance> instances, String appsHashCode, int uncallable) {
        this.instances = instances;
        this.appsHashCode = appsHashCode;
        this.uncallable = uncallable;
    }

    public List<RegisteredInstance> instances() {
        return instances;
    }

    /** The server's {@code apps__hashcode}, empty when absent. */
    public String appsHashCode() {
        return appsHashCode;
    }

    /** Entries no caller can use (no valid host, port out of range, link-local). */
    public int uncallable() {
        return uncallable;
    }

    /**
     * @param maxInstances the most instances the answer may list
     * @throws IOException when the body is not JSON, has no {@code applications} object or is past a bound
     */
    public static RegistryDocument parse(InputStream json, int maxInstances) throws IOException {
        InputStream in = json.markSupported() ? json : new BufferedInputStream(json);
        refuseMarkup(in);
        try (JsonParser parser = JSON.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("the answer is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.getCurrentName();
                parser.nextToken();
                if (field.equals("applications") && parser.currentToken() == JsonToken.START_OBJECT) {
                    return new Reader(parser, maxInstances).applications();
                }
                parser.skipChildren();
            }
            throw new IOException("no \"applications\" object in the answer");
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * An answer in XML or HTML (a proxy that drops the request's {@code Accept: application/json} makes Eureka answer
     * XML; a portal answers HTML) is one clear line, not the JSON parser's complaint about a '<'.
     */
    private static void refuseMarkup(InputStream in) throws IOException {
        in.mark(64);
        byte[] start = in.readNBytes(64);
        in.reset();
        String text = new String(start, StandardCharsets.UTF_8).strip();
        if (text.startsWith("<")) {
            boolean xml = text.startsWith("<?xml") || text.startsWith("<applications");
            throw new IOException("the answer is " + (xml ? "XML" : "HTML or XML") + ", not JSON ("
                    + text.replaceAll("\\s+", " ") + "...)"
                    + (xml ? ": a proxy may have dropped the request's Accept: application/json" : ""));
        }
    }

    /** One read: the parser, the instances so far and the bound on their number. */
    private static final class Reader {
        private final JsonParser parser;
        private final int maxInstances;
        private final List<RegisteredInstance> instances = new ArrayList<>();
        private int uncallable;

        Reader(JsonParser parser, int maxInstances) {
            this.parser = parser;
            this.maxInstances = maxInstances;
        }

        RegistryDocument applications() throws IOException {
            String hash = "";
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.getCurrentName();
                JsonToken value = parser.nextToken();
                if (field.equals("apps__hashcode")) {
                    hash = text(parser, "");
                } else if (field.equals("application")) {
                    forEachObject(parser, value, this::application);
                } else {
                    parser.skipChildren();
                }
            }
            return new RegistryDocument(instances, hash, uncallable);
        }

        private void application() throws IOException {
            String name = null;
            int first = instances.size();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.getCurrentName();
                JsonToken value = parser.nextToken();
                if (field.equals("name")) {
                    name = text(parser, null);
                } else if (field.equals("instance")) {
                    forEachObject(parser, value, this::instance);
                } else {
                    parser.skipChildren();
                }
            }
            // An instance without "app" belongs to the application it is listed under ("name" may come after it).
            for (int i = first; i < instances.size(); i++) {
                if (instances.get(i).app().isEmpty() && name != null) {
                    instances.set(i, instances.get(i).inApp(AppNames.inRegistry(name)));
                }
            }
        }

        private void instance() throws IOException {
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
                    case "leaseInfo":
                        f.registeredAt = number(member(parser, value, "registrationTimestamp"), 0L);
                        break;
                    default: parser.skipChildren();
                }
            }
            if (f.instanceId == null) {
                return;
            }
            RegisteredInstance instance = f.instance();
            if (!instance.isCallable()) {
                uncallable++;
            }
            if (instances.size() >= maxInstances) {
                throw new IOException("the answer lists more than " + maxInstances + " instances");
            }
            instances.add(instance);
        }
    }

    /** {@code {"$":8080,"@enabled":"true"}}, or a bare number. */
    private static InstanceFields.Port port(JsonParser parser, JsonToken value, InstanceFields.Port fallback)
            throws IOException {
        if (value != JsonToken.START_OBJECT) {
            return new InstanceFields.Port((int) number(text(parser, null), fallback.number), fallback.enabled);
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
        return new InstanceFields.Port((int) number, enabled);
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
}
