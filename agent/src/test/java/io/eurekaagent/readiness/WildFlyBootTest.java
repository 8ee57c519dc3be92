package io.eurekaagent.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.MBeanInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** WildFly's management model as its JMX subsystem shows it, stood in for by MBeans with its names and attributes. */
class WildFlyBootTest {
    private MBeanServer server;

    /** An MBean with settable attributes, as the model's resources appear in JMX. */
    private static final class Resource implements DynamicMBean {
        final Map<String, Object> attributes = new ConcurrentHashMap<>();

        Resource(Object... namesAndValues) {
            for (int i = 0; i < namesAndValues.length; i += 2) {
                attributes.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }

        @Override
        public Object getAttribute(String name) throws AttributeNotFoundException {
            Object value = attributes.get(name);
            if (value == null) {
                throw new AttributeNotFoundException(name);
            }
            return value;
        }

        @Override
        public void setAttribute(Attribute attribute) {
            attributes.put(attribute.getName(), attribute.getValue());
        }

        @Override
        public AttributeList getAttributes(String[] names) {
            return new AttributeList();
        }

        @Override
        public AttributeList setAttributes(AttributeList list) {
            return list;
        }

        @Override
        public Object invoke(String action, Object[] params, String[] signature) {
            return null;
        }

        @Override
        public MBeanInfo getMBeanInfo() {
            return new MBeanInfo(Resource.class.getName(), "a model resource", null, null, null, null);
        }
    }

    @AfterEach
    void release() {
        if (server != null) {
            MBeanServerFactory.releaseMBeanServer(server);
        }
    }

    private Resource wildfly(String state, String suspend) throws Exception {
        server = MBeanServerFactory.createMBeanServer();
        Resource root = new Resource("serverState", state, "suspendState", suspend);
        server.registerMBean(root, new ObjectName("jboss.as:management-root=server"));
        return root;
    }

    @Test
    void withoutTheModelInJmxWildFlyIsNotServingYet() {
        assertEquals("its management model is not in JMX yet", WildFlyBoot.notServingBecause());
    }

    @Test
    void itServesOnceRunningAndNoLongerSuspended() throws Exception {
        Resource root = wildfly("starting", "SUSPENDED");
        assertEquals("server state starting", WildFlyBoot.notServingBecause());
        root.attributes.put("serverState", "running");
        assertEquals("suspend state SUSPENDED", WildFlyBoot.notServingBecause(), "started with --start-mode=suspend");
        root.attributes.put("suspendState", "RUNNING");
        assertNull(WildFlyBoot.notServingBecause());
    }

    @Test
    void theWaitEndsWhenItServesWithTheMomentOfServingAsReadiness() throws Exception {
        Resource root = wildfly("starting", "SUSPENDED");
        ReadyPort accepting = new ReadyPort(8080, "the first port the app accepts connections on", 1, 0);
        Thread booted = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            root.attributes.put("serverState", "running");
            root.attributes.put("suspendState", "RUNNING");
        });
        booted.start();

        ReadyPort serving = WildFlyBoot.awaitServing(accepting, () -> false);
        booted.join();
        assertEquals(8080, serving.port());
        assertEquals(true, serving.sinceNanos() > 1, "ready from the end of the boot, not from the accept");
    }

    @Test
    void deploymentsThatFailedAreNamed() throws Exception {
        wildfly("running", "RUNNING");
        server.registerMBean(new Resource("status", "OK"), new ObjectName("jboss.as:deployment=orders.war"));
        server.registerMBean(new Resource("status", "FAILED"), new ObjectName("jboss.as:deployment=billing.war"));
        assertEquals(List.of("billing.war: FAILED"), WildFlyBoot.failedDeployments());
    }
}
