package io.eurekaagent.agent;

import io.eurekaagent.client.EurekaClient;
import io.eurekaagent.client.JdkConnections;
import io.eurekaagent.client.Transport;
import io.eurekaagent.config.AgentConfig;
import io.eurekaagent.config.AgentMode;
import io.eurekaagent.config.Catalog;
import io.eurekaagent.config.DiscoverySettings;
import io.eurekaagent.config.ServerSettings;
import io.eurekaagent.config.TransportKind;
import io.eurekaagent.discovery.NameResolution;
import io.eurekaagent.discovery.RegistryCache;
import io.eurekaagent.discovery.RegistryLimits;
import io.eurekaagent.discovery.ServiceResolver;
import io.eurekaagent.health.HealthCheck;
import io.eurekaagent.instance.InstanceFactory;
import io.eurekaagent.instance.InstanceInfo;
import io.eurekaagent.lifecycle.PageCheck;
import io.eurekaagent.lifecycle.Registrar;
import io.eurekaagent.lifecycle.SigtermHandler;
import io.eurekaagent.log.AgentLog;
import io.eurekaagent.readiness.Readiness;
import io.eurekaagent.readiness.ReadyPort;
import io.eurekaagent.threads.AgentThreads;
import java.lang.instrument.Instrumentation;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * One agent's life in a JVM, made by premain once the settings are read (and by tests, in process). Its thread hooks
 * the server sockets first, runs the rest of its start-up once the app binds its first port, then waits until the app
 * serves, registers and renews until shutdown. (Classes rather than lambdas: the first lambda of a JVM costs premain
 * milliseconds.)
 */
final class Agent implements Runnable {
    private final AgentConfig config;
    private final Readiness readiness;
    private final NameResolution names;
    private final Instrumentation instrumentation;
    private final Registrar registrar;
    private final Deregistration deregistration;
    private final AgentJmx jmx;

    /** @param readiness null when nothing is registered; @param names null without resolve-service-urls */
    Agent(AgentConfig config, Readiness readiness, NameResolution names, Instrumentation instrumentation) {
        this.config = config;
        this.readiness = readiness;
        this.names = names;
        this.instrumentation = instrumentation;
        this.registrar = new Registrar(config.readiness().get(Catalog.ON_DEMAND_STATUS_CHANGE));
        this.deregistration = new Deregistration(registrar, config.shutdownTimeout(), config.unregisterOnShutdown());
        this.jmx = new AgentJmx(config.mode(), registrar);
    }

    /** Starts the agent's thread, which returns at once when the JVM is shutting down already. */
    void start() {
        AgentThreads.newThread("heartbeat", this).start();
    }

    /** What the JVM's shutdown hook runs: deregisters within the configured budget, then frees the transport. */
    void shutdown() {
        deregistration.run();
    }

    @Override
    public void run() {
        // The hook is added here, not in premain (a few ms there): nothing is registered before it exists.
        try {
            Runtime.getRuntime().addShutdownHook(AgentThreads.newThread("shutdown", deregistration));
        } catch (IllegalStateException alreadyShuttingDown) {
            return;
        }
        if (config.mode() == AgentMode.CONSUMER_ONLY) {
            new Startup(null).appListens();
            AgentThreads.newThread("jmx", jmx).start();
            AgentLog.info("consumer only (eureka.client.register-with-eureka=false): nothing is registered"
                    + (config.discovery().get(Catalog.FETCH_REGISTRY) ? "; the registry is fetched" : ""));
            return;
        }
        // The socket hooks first: the app's first bind waits for them.
        readiness.prepare();
        // Started now, as the reverse lookup of the address may take a while.
        InstanceFactory instances = new InstanceFactory(config.instance(), config.readiness());
        instances.prepare();
        Startup startup = new Startup(instances.appName());
        // Discovery serves the app's first calls by name, and java.net.http's client takes ~300 ms to make: neither
        // waits for the app's first bind.
        if (names != null || config.discovery().get(Catalog.FETCH_REGISTRY)
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
            HealthCheck health = config.readiness().get(Catalog.HEALTH_CHECK_ENABLED)
                    ? new HealthCheck(startup.transport, instances.healthProbeUrl(instance),
                            config.readiness().healthCheckInterval()) : null;
            AgentThreads.newThread("jmx", jmx).start();
            registrar.run(startup.client, instance, health, serving.sinceNanos());
        }
    }

    /**
     * The agent's own start-up (HTTP, TLS, discovery), run once at the app's first bind rather than beside its
     * start on the same cores; before that only for discovery, which the app's first call may need. The warm-up
     * request only if the app does not serve at once: a fast app's registration is its first request.
     */
    private final class Startup implements Readiness.Waiting {
        private final String appName;
        Transport transport;
        EurekaClient client;

        /** @param appName what the warm-up request asks for; null: nothing is registered, no warm-up */
        Startup(String appName) {
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
            RegistryCache cache = discovery.get(Catalog.FETCH_REGISTRY)
                    ? new RegistryCache(Duration.ofSeconds(discovery.get(Catalog.REGISTRY_FETCH_INTERVAL)),
                            RegistryLimits.ofThisJvm(), Clock.systemDefaultZone()) : null;
            if (names != null) {
                // Before the transport: an app thread loading a JDK HTTP class waits for this, and may hold locks
                // (the URL handlers', a class's loading) that making the transport needs.
                names.install(new ServiceResolver(cache, config.instance().get(Catalog.METADATA).get("zone"),
                        discovery.get(Catalog.FILTER_ONLY_UP), servers.connectTimeout()));
            }
            reachIntoJdkConnections();
            transport = Transport.of(config, AgentThreads.httpExecutor());
            deregistration.transport = transport;
            client = EurekaClient.of(servers.serviceUrls(), servers, transport);
            if (cache != null) {
                jmx.cache = cache;
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

    /** The shutdown hook: deregisters within the configured budget, then frees the transport (it may hold the exit). */
    private static final class Deregistration implements Runnable {
        private final Registrar registrar;
        private final Duration timeout;
        private final boolean unregister;
        volatile Transport transport;

        Deregistration(Registrar registrar, Duration timeout, boolean unregister) {
            this.registrar = registrar;
            this.timeout = timeout;
            this.unregister = unregister;
        }

        @Override
        public void run() {
            if (unregister) {
                registrar.deregister(timeout);
            } else {
                registrar.stopRenewing("eureka.client.should-unregister-on-shutdown=false");
            }
            Transport current = transport;
            if (current != null) {
                current.close();
            }
        }
    }
}
