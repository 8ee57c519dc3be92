package io.eurekaagent.agent;

import io.eurekaagent.config.AgentMode;
import io.eurekaagent.discovery.RegistryCache;
import io.eurekaagent.instance.InstanceInfo;
import io.eurekaagent.lifecycle.Registrar;
import io.eurekaagent.log.AgentLog;
import io.eurekaagent.log.AgentVersion;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * The agent's MBean ({@link AgentMXBean}), put on a thread of its own into the JVM's platform MBean server, once the
 * app serves and that server exists: the agent never makes it, as making it initialises java.util.logging (its
 * logging MXBean) and, before WildFly's boot sets its own MBean server builder and LogManager, breaks that boot
 * (ShadedJarIT holds the agent to it). Most servers make it at start; elsewhere {@code inspect PID} does, by starting
 * the JVM's local management agent, and the MBean follows within {@link #LOOK_MS}.
 */
final class AgentJmx implements AgentMXBean, Runnable {
    /** The export waits this long for the first registration, so as not to slow it, then goes ahead. */
    private static final long FIRST_REGISTRATION_WAIT_SECONDS = 5;
    /** How often the thread looks for the platform MBean server until there is one. */
    static final long LOOK_MS = 1000;

    private final AgentMode mode;
    private final Registrar registrar;
    volatile RegistryCache cache;

    AgentJmx(AgentMode mode, Registrar registrar) {
        this.mode = mode;
        this.registrar = registrar;
    }

    @Override
    public void run() {
        try {
            registrar.awaitFirstRegistration(FIRST_REGISTRATION_WAIT_SECONDS, TimeUnit.SECONDS);
            List<MBeanServer> servers = MBeanServerFactory.findMBeanServer(null);
            while (servers.isEmpty()) {
                Thread.sleep(LOOK_MS);
                servers = MBeanServerFactory.findMBeanServer(null);
            }
            // The first made is the platform's (ManagementFactory makes it through this factory).
            MBeanServer server = servers.get(0);
            ObjectName name = new ObjectName(OBJECT_NAME);
            // One agent per JVM; tests start several in one.
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(new StandardMBean(this, AgentMXBean.class, true), name);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (JMException | RuntimeException | Error e) {
            AgentLog.warn("the agent's MBean " + OBJECT_NAME + " is not registered (" + e + "); the agent runs on");
        }
    }

    @Override
    public String getVersion() {
        return AgentVersion.text();
    }

    @Override
    public String getMode() {
        return mode == AgentMode.REGISTER ? "register" : "consumer-only";
    }

    @Override
    public String getApp() {
        InstanceInfo instance = registrar.instance();
        return instance == null ? "" : instance.app();
    }

    @Override
    public String getInstanceId() {
        InstanceInfo instance = registrar.instance();
        return instance == null ? "" : instance.instanceId();
    }

    @Override
    public String getStatus() {
        InstanceInfo instance = registrar.instance();
        return instance == null ? "" : instance.status().name();
    }

    @Override
    public boolean isRegistered() {
        return registrar.isRegistered();
    }

    @Override
    public String getEurekaServer() {
        String server = registrar.server();
        return server == null ? "" : AgentLog.mask(server);
    }

    @Override
    public long getRegisteredSinceEpochMillis() {
        return registrar.registeredAtMillis();
    }

    @Override
    public long getLastHeartbeatEpochMillis() {
        return registrar.renewedAtMillis();
    }

    @Override
    public int getConsecutiveFailures() {
        return registrar.failures().count();
    }

    @Override
    public String getLastFailure() {
        String cause = registrar.failures().lastCause();
        return cause == null ? "" : AgentLog.mask(cause);
    }

    @Override
    public int getRegistryInstances() {
        RegistryCache current = cache;
        return current == null ? -1 : current.registry().size();
    }

    @Override
    public long getRegistryFetchedEpochMillis() {
        RegistryCache current = cache;
        return current == null ? 0 : current.fetchedAtMillis();
    }
}
