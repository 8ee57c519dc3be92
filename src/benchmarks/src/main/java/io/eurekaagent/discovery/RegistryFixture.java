package io.eurekaagent.discovery;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Registry documents the size of a big production registry, in the exact shape Spring Cloud's Eureka server sends. */
final class RegistryFixture {
    static final int APPS = 100;

    private RegistryFixture() {
    }

    /** {@code GET /apps} with {@code instances} instances spread over {@link #APPS} apps, all UP. */
    static byte[] registry(int instances) {
        return document("UP_" + instances + "_", instances, 0, null);
    }

    /** {@code GET /apps/delta}: the first {@code changes} instances turned DOWN. */
    static byte[] delta(int instances, int changes) {
        return document("DOWN_" + changes + "_UP_" + (instances - changes) + "_", changes, changes, "MODIFIED");
    }

    private static byte[] document(String hash, int count, int down, String action) {
        List<StringBuilder> apps = new ArrayList<>();
        for (int i = 0; i < APPS; i++) {
            apps.add(new StringBuilder());
        }
        for (int i = 0; i < count; i++) {
            StringBuilder app = apps.get(i % APPS);
            String status = i < down ? "DOWN" : "UP";
            app.append(app.length() == 0 ? "" : ",").append(instance(i, status, action == null ? "ADDED" : action));
        }
        StringBuilder json = new StringBuilder(
                "{\"applications\":{\"versions__delta\":\"1\",\"apps__hashcode\":\"" + hash + "\",\"application\":[");
        for (int i = 0; i < APPS; i++) {
            json.append(i == 0 ? "" : ",").append("{\"name\":\"SERVICE-").append(i)
                    .append("\",\"instance\":[").append(apps.get(i)).append("]}");
        }
        return json.append("]}}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String instance(int i, String status, String action) {
        String app = "SERVICE-" + (i % APPS);
        String host = "ip-10-0-" + (i / 250) + "-" + (i % 250) + ".ec2.internal";
        String ip = "10.0." + (i / 250) + "." + (i % 250);
        return "{\"instanceId\":\"" + host + ":" + app.toLowerCase() + ":8080\",\"hostName\":\"" + host
                + "\",\"app\":\"" + app + "\",\"ipAddr\":\"" + ip + "\",\"status\":\"" + status + "\","
                + "\"overriddenStatus\":\"UNKNOWN\","
                + "\"port\":{\"$\":8080,\"@enabled\":\"true\"},\"securePort\":{\"$\":443,\"@enabled\":\"false\"},"
                + "\"countryId\":1,"
                + "\"dataCenterInfo\":{\"@class\":\"com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo\","
                + "\"name\":\"MyOwn\"},"
                + "\"leaseInfo\":{\"renewalIntervalInSecs\":30,\"durationInSecs\":90,"
                + "\"registrationTimestamp\":1795727832370,\"lastRenewalTimestamp\":1795727832370,"
                + "\"evictionTimestamp\":0,\"serviceUpTimestamp\":1795727832371},"
                + "\"metadata\":{\"zone\":\"zone-" + (i % 3) + "\",\"management.port\":\"8081\"},"
                + "\"homePageUrl\":\"http://" + host + ":8080/\","
                + "\"statusPageUrl\":\"http://" + host + ":8080/actuator/info\","
                + "\"healthCheckUrl\":\"http://" + host + ":8080/actuator/health\","
                + "\"vipAddress\":\"" + app.toLowerCase() + "\",\"secureVipAddress\":\"" + app.toLowerCase() + "\","
                + "\"isCoordinatingDiscoveryServer\":\"false\","
                + "\"lastUpdatedTimestamp\":\"1795727832371\",\"lastDirtyTimestamp\":\"1795727832115\","
                + "\"actionType\":\"" + action + "\"}";
    }
}
