package io.eurekaagent.agent;

import io.eurekaagent.config.AgentConfig;
import io.eurekaagent.config.AgentMode;
import io.eurekaagent.config.Catalog;
import io.eurekaagent.config.InvalidSettingException;
import io.eurekaagent.discovery.NameResolution;
import io.eurekaagent.instance.AppNames;
import io.eurekaagent.config.JavaCommand;
import io.eurekaagent.log.AgentLog;
import io.eurekaagent.log.AgentVersion;
import io.eurekaagent.readiness.Readiness;
import io.eurekaagent.readiness.ReadinessSetup;
import java.lang.instrument.Instrumentation;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The agent's whole lifecycle: read the settings and hook the JDK's server sockets in premain; then, on the agent's
 * own thread ({@link Agent}), add the shutdown hook that deregisters, build the HTTP client once the app
 * binds its first port, wait until the app serves, register and renew. Nothing here may throw (an exception out
 * of premain aborts the JVM) or do slow work on the app's main thread.
 */
public final class EurekaAgent {
    /** sysexits' EX_CONFIG: what {@code eureka.agent.fail-fast=true} exits with on a bad setting. */
    static final int EXIT_BAD_CONFIG = 78;
    /** Set in a JVM the agent was loaded into (not read as a setting: it is outside eureka.*). */
    public static final String LOADED_PROPERTY = "io.eurekaagent.loaded";
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private EurekaAgent() {
    }

    public static void premain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation, false);
    }

    public static void agentmain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation, true);
    }

    static void start(String arguments, Instrumentation instrumentation, boolean attachedLate) {
        long begin = System.nanoTime();
        try {
            // One agent per JVM (-javaagent given twice, or attached later), and none in jcmd & co.
            if (!STARTED.compareAndSet(false, true) || JdkTools.isJdkTool(JavaCommand.ofThisJvm())) {
                return;
            }
            // How `attach PID` tells that this JVM has the agent already.
            System.setProperty(LOADED_PROPERTY, "true");
            // An operator reading the app's log sees which agent build runs, from its first line on.
            AgentLog.beginWith(AgentVersion.text() + " on Java " + System.getProperty("java.version"));
            AgentConfig config = AgentConfig.load(arguments, System.getProperties(), System.getenv());
            if (config.mode() == AgentMode.OFF) {
                return;
            }
            AgentLog.setDebug(config.debug());
            AgentLog.setFormat(config.logFormat());
            for (String warning : config.warnings()) {
                AgentLog.warn(warning);
            }
            for (String setting : config.inEffect()) {
                AgentLog.debug("setting " + setting);
            }
            if (config.mode() == AgentMode.REGISTER && !hasAName(config)) {
                return;
            }
            // Consumer-only (register-with-eureka=false): no port is awaited, so no socket is hooked.
            Readiness readiness = config.mode() == AgentMode.REGISTER ? ReadinessSetup.install(config.readiness(),
                    config.instance().get(Catalog.IP_ADDRESS), instrumentation, attachedLate) : null;
            // Here, before main: even the app's first call by name is resolved (its JDK HTTP class waits for the hook).
            NameResolution names = config.discovery().get(Catalog.RESOLVE_SERVICE_URLS)
                    ? NameResolution.register(instrumentation) : null;
            new Agent(config, readiness, names, instrumentation).start();
            if (AgentLog.isDebug()) {
                AgentLog.debug(String.format(
                        "premain took %.1f ms; register on %s; servers %s",
                        (System.nanoTime() - begin) / 1e6,
                        config.readiness().get(Catalog.REGISTER_ON).name().toLowerCase(Locale.ROOT),
                        config.servers().serviceUrls()));
            }
        } catch (InvalidSettingException e) {
            reject(e);
        } catch (Throwable t) {
            AgentLog.warn("agent off after an unexpected error (" + t + "); the application runs without it");
        }
    }

    /** A launcher's name (Tomcat's Bootstrap) would put every app it starts under one name: worse than none. */
    private static boolean hasAName(AgentConfig config) {
        String launcher =
                config.instance().appName() == null ? AppNames.unnamedLauncher(JavaCommand.ofThisJvm()) : null;
        if (launcher != null) {
            AgentLog.info("this JVM runs " + launcher + ", whose name every app it starts would share: set"
                    + " eureka.instance.appname (or spring.application.name) to register it; agent off");
        }
        return launcher == null;
    }

    private static void reject(InvalidSettingException e) {
        String outcome = e.failFast()
                ? "; exiting (eureka.agent.fail-fast=true)"
                : "; agent off, the application runs without it";
        for (String problem : e.problems()) {
            AgentLog.info("invalid setting " + problem + outcome);
        }
        if (e.failFast()) {
            System.exit(EXIT_BAD_CONFIG);
        }
    }
}
