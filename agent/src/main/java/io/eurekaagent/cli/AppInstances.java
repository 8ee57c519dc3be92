package io.eurekaagent.cli;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The instances of one app as {@code GET /apps/{APP}} lists them, with the status override apart from the status
 * (the registry reader keeps only the status callers see).
 */
final class AppInstances {
    /** One instance: its id, where it runs, its status and the administrator's override ({@code UNKNOWN}: none). */
    static final class Entry {
        final String instanceId;
        final String hostName;
        final String ipAddr;
        final String status;
        final String override;
        final String port;

        Entry(Map<?, ?> instance) {
            this.instanceId = text(instance.get("instanceId"));
            this.hostName = text(instance.get("hostName"));
            this.ipAddr = text(instance.get("ipAddr"));
            this.status = text(instance.get("status"));
            Object override = instance.containsKey("overriddenStatus")
                    ? instance.get("overriddenStatus") : instance.get("overriddenstatus");
            this.override = override == null ? "UNKNOWN" : text(override);
            Object port = instance.get("port");
            this.port = port instanceof Map ? text(((Map<?, ?>) port).get("$")) : text(port);
        }

        private static String text(Object value) {
            return value == null ? "" : String.valueOf(value);
        }
    }

    private AppInstances() {
    }

    /** Single instances may come as an object instead of an array (docs/eureka-protocol.md). */
    static List<Entry> parse(InputStream json) throws IOException {
        Object application = JSON.std.mapFrom(json).get("application");
        Object instances = application instanceof Map ? ((Map<?, ?>) application).get("instance") : null;
        List<Entry> entries = new ArrayList<>();
        if (instances instanceof Map) {
            entries.add(new Entry((Map<?, ?>) instances));
        } else if (instances instanceof List) {
            for (Object instance : (List<?>) instances) {
                if (instance instanceof Map) {
                    entries.add(new Entry((Map<?, ?>) instance));
                }
            }
        }
        return entries;
    }
}
