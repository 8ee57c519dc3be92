package io.eurekaagent.agent;

import io.eurekaagent.config.AgentMode;
import io.eurekaagent.discovery.RegistryCache;
import io.eurekaagent.instance.InstanceInfo;
import io.eurekaagent.lifecycle.Registrar;
import io.eurekaagent.log.AgentLog;
import io.eurekaagent.log.AgentVersion;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * The agent's MBean ({@link AgentMXBean}), put into the platform MBean server on a thread of its own once the app
 * serves: making that server costs 50-100 ms of CPU, and in premain it would be made before WildFly sets its own
 * MBean server builder (and the JUL LogManager it brings), which breaks WildFly's boot.
 */
final class AgentJmx implements AgentMXBean, Runnable {
    /** The export waits this long for the first registration, so as not to slow it, then goes ahead. */
    private static final long FIRST_REGISTRATION_WAIT_SECONDS = 5;

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
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
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
