package io.eurekaagent.cli;

import io.eurekaagent.client.EurekaClient;
import io.eurekaagent.client.EurekaResponse;
import io.eurekaagent.client.EurekaUnavailableException;
import io.eurekaagent.instance.AppNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code status APP}, {@code out-of-service APP [ID]} and {@code in-service APP [ID]}: Eureka's status override, which
 * deployment scripts set before stopping an instance. Without an id they act on the app's instances on this machine;
 * every host's only with {@code --all}.
 */
final class StatusCommands {
    private final PrintStream out;
    private final EurekaClient client;

    StatusCommands(PrintStream out, EurekaClient client) {
        this.out = out;
        this.client = client;
    }

    int status(String app) {
        List<AppInstances.Entry> instances = read(app);
        if (instances == null) {
            return CommandLine.SERVER_PROBLEM;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"INSTANCE ID", "STATUS", "OVERRIDE", "HOST", "ADDRESS", "PORT"});
        for (AppInstances.Entry instance : instances) {
            rows.add(new String[] {instance.instanceId, instance.status,
                    instance.override.equals("UNKNOWN") ? "-" : instance.override, instance.hostName, instance.ipAddr,
                    instance.port});
        }
        Columns.print(out, rows);
        return CommandLine.OK;
    }

    /**
     * @param instanceId one instance, or null: those on this machine ({@code here}), or every one when {@code here}
     *     is null ({@code --all})
     */
    int override(String app, String instanceId, Set<String> here, boolean outOfService) {
        List<AppInstances.Entry> instances = read(app);
        if (instances == null) {
            return CommandLine.SERVER_PROBLEM;
        }
        List<AppInstances.Entry> chosen = new ArrayList<>();
        for (AppInstances.Entry instance : instances) {
            if (instanceId != null ? instance.instanceId.equals(instanceId)
                    : here == null || here.contains(instance.hostName) || here.contains(instance.ipAddr)) {
                chosen.add(instance);
            }
        }
        if (chosen.isEmpty()) {
            String name = AppNames.inRegistry(app);
            out.println(instanceId != null ? "no instance " + instanceId + " of " + name + " is registered"
                    : "no instance of " + name + " runs on this host (" + instances.size() + " elsewhere; give"
                            + " an instance id, or --all for every host)");
            return CommandLine.SERVER_PROBLEM;
        }
        int result = CommandLine.OK;
        for (AppInstances.Entry instance : chosen) {
            result = Math.max(result, set(app, instance, outOfService));
        }
        return result;
    }

    private int set(String app, AppInstances.Entry instance, boolean outOfService) {
        try {
            EurekaResponse response = outOfService
                    ? client.override(app, instance.instanceId, "OUT_OF_SERVICE")
                    : client.removeOverride(app, instance.instanceId);
            if (response.status() != 200) {
                out.println(instance.instanceId + ": HTTP " + response.status() + " from " + response.server());
                return CommandLine.SERVER_PROBLEM;
            }
            out.println(instance.instanceId + ": " + (outOfService ? "OUT_OF_SERVICE" : "UP, override removed")
                    + " (was " + instance.status + ")");
            return CommandLine.OK;
        } catch (EurekaUnavailableException e) {
            out.println(instance.instanceId + ": " + e.getMessage());
            return CommandLine.SERVER_PROBLEM;
        }
    }

    /** The app's instances, or null after saying why there are none to show. */
    private List<AppInstances.Entry> read(String app) {
        String name = AppNames.inRegistry(app);
        try {
            EurekaResponse response = client.fetch("/apps/" + name, 4 * 1024 * 1024);
            if (response.status() == 404) {
                out.println("no instance of " + name + " is registered");
                return null;
            }
            if (response.status() != 200) {
                out.println("cannot read " + name + ": HTTP " + response.status() + " from " + response.server());
                return null;
            }
            try (InputStream body = response.content()) {
                return AppInstances.parse(body);
            }
        } catch (EurekaUnavailableException | IOException e) {
            out.println("cannot read " + name + ": " + e.getMessage());
            return null;
        }
    }
}
