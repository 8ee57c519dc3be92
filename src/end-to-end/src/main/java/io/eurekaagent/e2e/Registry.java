package io.eurekaagent.e2e;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What a Eureka server's REST API says about an app, read as a user would with curl. */
public final class Registry {
    private Registry() {
    }

    /** The instances of {@code app}, empty when the server does not know it. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> instances(EurekaServer server, String app)
            throws IOException, InterruptedException {
        String json = server.application(app);
        if (json == null) {
            return List.of();
        }
        Map<String, Object> application = (Map<String, Object>) JSON.std.mapFrom(json).get("application");
        Object instance = application.get("instance");
        return instance instanceof List
                ? (List<Map<String, Object>>) instance
                : List.of((Map<String, Object>) instance);
    }

    /** One instance read past the server's response cache, or null when the server does not know it. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> instance(EurekaServer server, String app, String id)
            throws IOException, InterruptedException {
        String json = server.instance(app, id);
        return json == null ? null : (Map<String, Object>) JSON.std.mapFrom(json).get("instance");
    }

    /** Polls until {@code app} has {@code count} instances, and returns them. */
    public static List<Map<String, Object>> awaitInstances(EurekaServer server, String app, int count,
            Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Map<String, Object>> instances = instances(server, app);
            if (instances.size() == count) {
                return instances;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(app + " has " + instances.size() + " instances, not " + count + ", after "
                        + timeout.toMillis() + " ms");
            }
            Thread.sleep(20);
        }
    }
}
