package io.eurekaagent.cli;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import io.eurekaagent.agent.AgentMXBean;
import io.eurekaagent.agent.EurekaAgent;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javax.management.JMException;
import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * {@code inspect PID}: the state of the agent in a running JVM of this user, read from its MBean through the JVM's
 * local management agent (started through the attach API, as jcmd's {@code ManagementAgent.start_local} does).
 * Exit 0: registered; 1: not registered (failures and their cause shown); 2: no agent there, or no JVM.
 */
final class Inspect {
    static final int NOT_REGISTERED = 1;
    static final int NO_AGENT = 2;

    private final PrintStream out;

    Inspect(PrintStream out) {
        this.out = out;
    }

    int of(String pid) {
        VirtualMachine vm;
        try {
            vm = VirtualMachine.attach(pid);
        } catch (AttachNotSupportedException | IOException e) {
            out.println("cannot attach to " + pid + ": " + e.getMessage()
                    + " (it must be a running JVM of this user, in this container)");
            return NO_AGENT;
        }
        try {
            if (vm.getSystemProperties().getProperty(EurekaAgent.LOADED_PROPERTY) == null) {
                out.println("no eureka-agent in JVM " + pid);
                return NO_AGENT;
            }
            try (JMXConnector connector = JMXConnectorFactory.connect(
                    new JMXServiceURL(vm.startLocalManagementAgent()))) {
                return print(pid, connector.getMBeanServerConnection());
            }
        } catch (IOException | JMException e) {
            out.println("cannot read the agent's state in JVM " + pid + ": " + e);
            return NO_AGENT;
        } finally {
            try {
                vm.detach();
            } catch (IOException ignored) {
                // the target went away: nothing to detach from
            }
        }
    }

    private int print(String pid, MBeanServerConnection server) throws IOException, JMException {
        ObjectName name = new ObjectName(AgentMXBean.OBJECT_NAME);
        // In a JVM without a platform MBean server before this command started one, the agent puts its MBean in
        // within a second or two.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!server.isRegistered(name) && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!server.isRegistered(name)) {
            out.println("the agent in JVM " + pid + " has not published its state yet: it does once the app serves");
            return NOT_REGISTERED;
        }
        AgentMXBean agent = JMX.newMXBeanProxy(server, name, AgentMXBean.class);
        long now = System.currentTimeMillis();
        out.println(agent.getVersion() + " in JVM " + pid + ", " + agent.getMode());
        if (!agent.getApp().isEmpty()) {
            out.println("instance:        " + agent.getApp() + " " + agent.getInstanceId() + " (" + agent.getStatus()
                    + ")");
        }
        String since = agent.isRegistered() ? "yes, since " + when(agent.getRegisteredSinceEpochMillis(), now) : "no";
        out.println("registered:      " + since
                + (agent.getEurekaServer().isEmpty() ? "" : " with " + agent.getEurekaServer()));
        out.println("last heartbeat:  " + when(agent.getLastHeartbeatEpochMillis(), now));
        out.println("failures:        " + agent.getConsecutiveFailures() + " in a row"
                + (agent.getLastFailure().isEmpty() ? "" : "; last: " + agent.getLastFailure()));
        if (agent.getRegistryInstances() >= 0) {
            out.println("registry:        " + agent.getRegistryInstances() + " instances, fetched "
                    + when(agent.getRegistryFetchedEpochMillis(), now));
        }
        return agent.isRegistered() ? CommandLine.OK : NOT_REGISTERED;
    }

    private static String when(long epochMillis, long now) {
        long secondsAgo = Duration.ofMillis(now - epochMillis).toSeconds();
        return epochMillis == 0 ? "never" : Instant.ofEpochMilli(epochMillis) + " (" + secondsAgo + " s ago)";
    }
}
