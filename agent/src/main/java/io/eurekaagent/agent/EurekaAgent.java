package io.eurekaagent.agent;

import io.eurekaagent.client.EurekaClient;
import io.eurekaagent.client.JdkConnections;
import io.eurekaagent.client.Transport;
import io.eurekaagent.config.AgentConfig;
import io.eurekaagent.config.AgentMode;
import io.eurekaagent.config.DiscoverySettings;
import io.eurekaagent.config.InvalidSettingException;
import io.eurekaagent.config.ServerSettings;
import io.eurekaagent.config.TransportKind;
import io.eurekaagent.discovery.NameResolution;
import io.eurekaagent.discovery.RegistryCache;
import io.eurekaagent.discovery.RegistryLimits;
import io.eurekaagent.discovery.ServiceResolver;
import io.eurekaagent.health.HealthCheck;
import io.eurekaagent.instance.AppNames;
import io.eurekaagent.instance.InstanceFactory;
import io.eurekaagent.instance.InstanceInfo;
import io.eurekaagent.instance.JavaCommand;
import io.eurekaagent.threads.AgentThreads;
import io.eurekaagent.lifecycle.PageCheck;
import io.eurekaagent.lifecycle.Registrar;
import io.eurekaagent.lifecycle.SigtermHandler;
import io.eurekaagent.log.AgentLog;
import io.eurekaagent.readiness.Readiness;
import io.eurekaagent.readiness.ReadinessSetup;
import io.eurekaagent.readiness.ReadyPort;
import java.lang.instrument.Instrumentation;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * The agent's whole lifecycle: read the settings and hook the JDK's server sockets in premain; then, on the agent's
 * own thread ({@link Registration}), add the shutdown hook that deregisters, build the HTTP client once the app
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
            AgentConfig config = AgentConfig.load(arguments, System.getProperties(), System.getenv());
            if (config.mode() == AgentMode.OFF) {
                return;
            }
            AgentLog.setDebug(config.debug());
            for (String warning : config.warnings()) {
                AgentLog.warn(warning);
            }
            if (config.mode() == AgentMode.REGISTER && !hasAName(config)) {
                return;
            }
            // Consumer-only (register-with-eureka=false): no port is awaited, so no socket is hooked.
            Readiness readiness = config.mode() == AgentMode.REGISTER ? ReadinessSetup.install(config.readiness(),
                    config.instance().ipAddress(), instrumentation, attachedLate) : null;
            // Here, before main: even the app's first call by name is resolved (its JDK HTTP class waits for the hook).
            NameResolution names =
                    config.discovery().resolveServiceUrls() ? NameResolution.register(instrumentation) : null;
            AgentThreads.newThread("heartbeat", new Registration(config, readiness, names, instrumentation)).start();
            if (AgentLog.isDebug()) {
                AgentLog.debug(String.format(
                        "premain took %.1f ms; register on %s; servers %s",
                        (System.nanoTime() - begin) / 1e6,
                        config.readiness().registerOn().name().toLowerCase(Locale.ROOT),
                        config.servers().serviceUrls()));
            }
        } catch (InvalidSettingException e) {
            reject(e);
        } catch (Throwable t) {
            AgentLog.warn("agent off after an unexpected error (" + t + "); the application runs without it");
        }
    }

    /**
     * The agent's thread: the socket hook first, the rest of its start-up once the app binds its first port; then it
     * waits until the app serves, registers and renews until shutdown.
     * (Classes rather than lambdas: the first lambda of a JVM costs premain milliseconds.)
     */
    private static final class Registration implements Runnable {
        private final AgentConfig config;
        private final Readiness readiness;
        private final NameResolution names;
        private final Instrumentation instrumentation;

        /** @param readiness null when nothing is registered; @param names null without resolve-service-urls */
        Registration(AgentConfig config, Readiness readiness, NameResolution names, Instrumentation instrumentation) {
            this.config = config;
            this.readiness = readiness;
            this.names = names;
            this.instrumentation = instrumentation;
        }

        @Override
        public void run() {
            // The hook is added here, not in premain (a few ms there): nothing is registered before it exists.
            Registrar registrar = new Registrar();
            Deregistration deregistration = new Deregistration(registrar, config.shutdownTimeout());
            try {
                Runtime.getRuntime().addShutdownHook(AgentThreads.newThread("shutdown", deregistration));
            } catch (IllegalStateException alreadyShuttingDown) {
                return;
            }
            if (config.mode() == AgentMode.CONSUMER_ONLY) {
                new Startup(registrar, deregistration, null).appListens();
                AgentLog.info("consumer only (eureka.client.register-with-eureka=false): nothing is registered"
                        + (config.discovery().fetchRegistry() ? "; the registry is fetched" : ""));
                return;
            }
            // The socket hooks first: the app's first bind waits for them.
            readiness.prepare();
            // Started now, as the reverse lookup of the address may take a while.
            InstanceFactory instances = new InstanceFactory(config.instance(), config.readiness());
            instances.prepare();
            Startup startup = new Startup(registrar, deregistration, instances.appName());
            // Discovery serves the app's first calls by name, and java.net.http's client takes ~300 ms to make: neither
            // waits for the app's first bind.
            if (names != null || config.discovery().fetchRegistry()
                    || config.servers().httpClient() == TransportKind.JAVA_HTTP_CLIENT) {
                startup.appListens();
                startup.appStarting();
            }
            ReadyPort serving = readiness.await(new BooleanSupplier() {
                @Override
                public boolean getAsBoolean() {
                    return registrar.isClosing();
                }
            }, startup);
            if (serving != null) {
                startup.appListens();
                final InstanceInfo instance = instances.create(serving.port(), serving.managementPort());
                if (instances.guessedStatusPage() != null) {
                    AgentThreads.newThread("page-check", new PageCheck(startup.transport,
                            instances.guessedStatusPage(), registrar, instance)).start();
                }
                HealthCheck health = config.readiness().healthCheckEnabled() ? new HealthCheck(startup.transport,
                        instances.healthProbeUrl(instance), config.readiness().healthCheckInterval()) : null;
                registrar.run(startup.client, instance, health, serving.sinceNanos());
            }
        }

        /**
         * The agent's own start-up (HTTP, TLS, discovery), run once at the app's first bind rather than beside its
         * start on the same cores; before that only for discovery, which the app's first call may need. The warm-up
         * request only if the app does not serve at once: a fast app's registration is its first request.
         */
        private final class Startup implements Readiness.Waiting {
            private final Registrar registrar;
            private final Deregistration deregistration;
            private final String appName;
            Transport transport;
            EurekaClient client;

            /** @param appName what the warm-up request asks for; null: nothing is registered, no warm-up */
            Startup(Registrar registrar, Deregistration deregistration, String appName) {
                this.registrar = registrar;
                this.deregistration = deregistration;
                this.appName = appName;
            }

            @Override
            public void appListens() {
                if (client != null) {
                    return;
                }
                if (appName != null && !config.shutdownDrain().isZero()) {
                    SigtermHandler.install(config.shutdownDrain(), registrar, config.shutdownTimeout());
                }
                DiscoverySettings discovery = config.discovery();
                ServerSettings servers = config.servers();
                RegistryCache cache = discovery.fetchRegistry() ? new RegistryCache(discovery.fetchInterval(),
                        RegistryLimits.ofThisJvm(), Clock.systemDefaultZone()) : null;
                if (names != null) {
                    // Before the transport: an app thread loading a JDK HTTP class waits for this, and may hold locks
                    // (the URL handlers', a class's loading) that making the transport needs.
                    names.install(new ServiceResolver(cache, config.instance().metadata().get("zone"),
                            discovery.filterOnlyUpInstances(), servers.connectTimeout()));
                }
                reachIntoJdkConnections();
                transport = Transport.of(config, AgentThreads.httpExecutor());
                deregistration.transport = transport;
                client = EurekaClient.of(servers.serviceUrls(), servers, transport);
                if (cache != null) {
                    AgentThreads.newThread("discovery", cache.fetchingFrom(client)).start();
                }
            }

            @Override
            public void appStarting() {
                if (appName != null) {
                    client.warmUp(appName);
                }
            }
        }

        private void reachIntoJdkConnections() {
            try {
                JdkConnections.prepare(instrumentation);
            } catch (ReflectiveOperationException | RuntimeException e) {
                AgentLog.warn("the app's default CookieHandler, if it installs one, will see the calls to Eureka, and"
                        + " a server that stalls an answer may hold a socket for a while: " + e);
            }
        }
    }

    /** The shutdown hook: deregisters within the configured budget, then frees the transport (it may hold the exit). */
    private static final class Deregistration implements Runnable {
        private final Registrar registrar;
        private final Duration timeout;
        volatile Transport transport;

        Deregistration(Registrar registrar, Duration timeout) {
            this.registrar = registrar;
            this.timeout = timeout;
        }

        @Override
        public void run() {
            registrar.deregister(timeout);
            Transport current = transport;
            if (current != null) {
                current.close();
            }
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
