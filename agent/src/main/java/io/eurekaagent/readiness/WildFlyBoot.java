package io.eurekaagent.readiness;

import io.eurekaagent.log.AgentLog;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;

/**
 * WildFly's own word on whether it serves. Its Undertow listener accepts connections as soon as it opens and holds
 * requests until the boot is over, deployments included; the management model says when that is: the server state
 * turns {@code running} and the server leaves {@code SUSPENDED} (a server started suspended stays so until resumed).
 * Read through the platform MBean server, where WildFly's JMX subsystem exposes the model as {@code jboss.as:*}; only
 * once WildFly has made that server itself, never made by the agent: WildFly installs its own MBean server builder and
 * log manager, and a server made before them breaks both.
 */
final class WildFlyBoot {
    private static final String SERVER = "jboss.as:management-root=server";
    private static final String DEPLOYMENTS = "jboss.as:deployment=*";
    private static final String NO_MODEL = "its management model is not in JMX yet";
    private static final long POLL_MS = 100;
    /** How long a model that never shows in JMX (a configuration without the jmx subsystem) is waited for. */
    private static final long NO_MODEL_NANOS = TimeUnit.SECONDS.toNanos(60);

    private WildFlyBoot() {
    }

    /**
     * After readiness found the port WildFly accepts on: waits until WildFly serves, then returns the port as ready
     * from that moment; null when {@code stop} said so first.
     */
    static ReadyPort awaitServing(ReadyPort accepting, BooleanSupplier stop) {
        long start = System.nanoTime();
        String said = null;
        while (!stop.getAsBoolean()) {
            String why = notServingBecause();
            long waited = System.nanoTime() - start;
            if (why == null || why.equals(NO_MODEL) && waited > NO_MODEL_NANOS) {
                for (String deployment : failedDeployments()) {
                    AgentLog.warn("WildFly runs, but a deployment does not: " + deployment);
                }
                if (why != null) {
                    AgentLog.info("WildFly's boot cannot be watched (" + why + "; is its jmx subsystem configured?):"
                            + " registering port " + accepting.port() + " now");
                }
                return accepting.readySince(System.nanoTime(), why != null ? ""
                        : "; WildFly served " + waited / 1_000_000 + " ms later, its boot over");
            }
            if (said == null) {
                said = why;
                AgentLog.info("port " + accepting.port() + " accepts connections, but WildFly holds requests until its"
                        + " boot is over (" + why + "): registering once it serves");
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    /** Whether this JVM is a WildFly or JBoss EAP server: its scripts name its home with this property. */
    static boolean isWildFly() {
        return System.getProperty("jboss.home.dir") != null;
    }

    /**
     * Why the server does not serve yet ("server state starting", "suspended", "no management model in JMX yet"), or
     * null once it does.
     */
    static String notServingBecause() {
        MBeanServer server = modelServer();
        if (server == null) {
            return NO_MODEL;
        }
        try {
            ObjectName root = new ObjectName(SERVER);
            String state = String.valueOf(server.getAttribute(root, "serverState"));
            if (!state.equals("running")) {
                return "server state " + state;
            }
            String suspend = String.valueOf(server.getAttribute(root, "suspendState"));
            return suspend.equals("RUNNING") ? null : "suspend state " + suspend;
        } catch (Exception e) {
            return "its server state cannot be read yet (" + e + ")";
        }
    }

    /** The deployments that did not deploy ("orders.war: FAILED"), for a warning once the server runs. */
    static List<String> failedDeployments() {
        List<String> failed = new ArrayList<>();
        MBeanServer server = modelServer();
        if (server == null) {
            return failed;
        }
        try {
            for (ObjectName deployment : server.queryNames(new ObjectName(DEPLOYMENTS), null)) {
                Object status = server.getAttribute(deployment, "status");
                if (!"OK".equals(String.valueOf(status))) {
                    failed.add(deployment.getKeyProperty("deployment") + ": " + status);
                }
            }
        } catch (Exception e) {
            // a deployment removed meanwhile: nothing to warn of
        }
        return failed;
    }

    /** The MBean server holding WildFly's model, if WildFly has made it. */
    private static MBeanServer modelServer() {
        try {
            ObjectName root = new ObjectName(SERVER);
            for (MBeanServer server : MBeanServerFactory.findMBeanServer(null)) {
                if (server.isRegistered(root)) {
                    return server;
                }
            }
        } catch (Exception | LinkageError e) {
            // no JMX here, or not yet
        }
        return null;
    }
}
