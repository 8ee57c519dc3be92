package io.eurekaagent.cli;

import io.eurekaagent.discovery.RegisteredInstance;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Instances as an aligned table: app, instance id, status, address, port, age. */
final class InstanceTable {
    private static final String[] HEADERS = {"APP", "INSTANCE ID", "STATUS", "ADDRESS", "PORT", "AGE"};

    private final PrintStream out;
    private final long nowMillis;

    InstanceTable(PrintStream out, long nowMillis) {
        this.out = out;
        this.nowMillis = nowMillis;
    }

    void print(List<RegisteredInstance> instances) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADERS);
        for (RegisteredInstance instance : instances) {
            rows.add(new String[] {instance.app(), instance.instanceId(), instance.status(), instance.ipAddr(),
                    instance.port() + (instance.isSecureOnly() ? " (https)" : ""), age(instance.registeredAt())});
        }
        Columns.print(out, rows);
    }

    /** {@code 42s}, {@code 5m03s}, {@code 2h07m}, {@code 3d04h}; {@code ?} when unknown. */
    String age(long sinceMillis) {
        if (sinceMillis <= 0) {
            return "?";
        }
        long seconds = Math.max(0, (nowMillis - sinceMillis) / 1000);
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format("%dm%02ds", seconds / 60, seconds % 60);
        }
        if (seconds < 86_400) {
            return String.format("%dh%02dm", seconds / 3600, seconds % 3600 / 60);
        }
        return String.format("%dd%02dh", seconds / 86_400, seconds % 86_400 / 3600);
    }
}
