package io.eurekaagent.war;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/**
 * A webapp that takes {@code hello-war.deploy-seconds} (system property, default 5) to start, as legacy WARs that
 * warm caches or migrate schemas do. Standalone Tomcat has bound its connector by then, but accepts only after.
 */
public final class SlowDeployment implements ServletContextListener {
    @Override
    public void contextInitialized(ServletContextEvent event) {
        long seconds = Long.getLong("hello-war.deploy-seconds", 5);
        System.out.println("hello-war deploying for " + seconds + " s");
        try {
            Thread.sleep(seconds * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.println("hello-war deployed");
    }
}
