package io.eurekaagent.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Every setting the agent reads, declared once. Adding a setting is a declaration here plus its read in the
 * concern's settings class; docs/configuration.md, the typo hints and {@code help} follow (CatalogTest checks the
 * file). Names follow Spring Cloud Netflix wherever it has one.
 */
public final class Catalog {
    /** The concerns, in the order the reference lists them; each has its settings class. */
    public enum Section {
        SERVERS("Eureka servers, TLS and proxy", "Where the agent registers, and how it talks to those servers."),
        INSTANCE("The registered instance", "What callers see in the registry: names, address, lease, metadata, URLs."),
        READINESS(
                "Ports, readiness and health",
                "When the instance is registered, on which port, and what its status follows."),
        DISCOVERY("Discovery", "The agent's copy of the registry and calls by service name."),
        AGENT("The agent", "Switches, logging, shutdown and where settings come from.");

        final String title;
        final String summary;

        Section(String title, String summary) {
            this.title = title;
            this.summary = summary;
        }
    }

    /** Every key, in declaration order (the reference's order). Declared before the keys: they add themselves. */
    private static final List<Key> KEYS = new ArrayList<>();

    private static Key key(Section section, String name) {
        Key key = new Key(name, section);
        KEYS.add(key);
        return key;
    }

    // Eureka servers, TLS and proxy
    public static final Key SERVICE_URL = key(Section.SERVERS, "eureka.client.service-url").kind(Key.Kind.MAP)
            .shownDefault("`defaultZone=http://localhost:8761/eureka/`")
            .doc("the Eureka servers of each zone (`.defaultZone`, `.<zone>`): comma-separated, at most 32;"
                    + " `http://user:password@host/eureka/` logs in to that server (percent-encode `@ : / , % ? #` and"
                    + " spaces in a password); passwords are masked in every line");
    public static final Key REGION = key(Section.SERVERS, "eureka.client.region").kind(Key.Kind.NAME)
            .shownDefault("`us-east-1`").doc("the region whose `availability-zones` order the zones");
    public static final Key AVAILABILITY_ZONES = key(Section.SERVERS, "eureka.client.availability-zones")
            .kind(Key.Kind.MAP)
            .doc("`.<region>`: the zones of a region in order, as in Spring Cloud; zones not listed are tried last");
    public static final Key PREFER_SAME_ZONE = key(Section.SERVERS, "eureka.client.prefer-same-zone-eureka").flag(true)
            .doc("servers of the instance's zone (`metadata-map.zone`, else the first availability zone) first");
    public static final Key SERVER_QUARANTINE = key(Section.SERVERS, "eureka.agent.server-quarantine-seconds")
            .number(60, 1, 3600, "seconds")
            .doc("how long a server that failed is tried last before it is preferred again");
    public static final Key CONNECT_TIMEOUT = key(
                    Section.SERVERS, "eureka.client.eureka-server-connect-timeout-seconds")
            .number(5, 1, 300, "seconds")
            .doc("connect timeout of each request to a server");
    public static final Key READ_TIMEOUT = key(Section.SERVERS, "eureka.client.eureka-server-read-timeout-seconds")
            .number(8, 1, 300, "seconds").doc("answer timeout of each request to a server");
    public static final Key HTTP_CLIENT = key(Section.SERVERS, "eureka.agent.http-client")
            .choice(TransportKind.class, "url-connection")
            .doc("the JDK client of the agent's own calls: `HttpURLConnection` (lighter) or"
                    + " `java.net.http.HttpClient`");
    public static final Key TLS_ENABLED = key(Section.SERVERS, "eureka.client.tls.enabled")
            .flag(false)
            .doc("use the stores below for `https` servers; without it the JDK's trust store and no client"
                    + " certificate");
    public static final Key TLS_KEY_STORE = key(Section.SERVERS, "eureka.client.tls.key-store").kind(Key.Kind.FILE)
            .doc("the client certificate and its key, for mTLS");
    public static final Key TLS_KEY_STORE_PASSWORD = key(Section.SERVERS, "eureka.client.tls.key-store-password")
            .masked().doc("the key store's password");
    public static final Key TLS_KEY_STORE_TYPE = key(Section.SERVERS, "eureka.client.tls.key-store-type")
            .byDefault("PKCS12").doc("`PKCS12` or `JKS`");
    public static final Key TLS_KEY_PASSWORD = key(Section.SERVERS, "eureka.client.tls.key-password").masked()
            .shownDefault("the key store's password").doc("the private key's password");
    public static final Key TLS_TRUST_STORE = key(Section.SERVERS, "eureka.client.tls.trust-store").kind(Key.Kind.FILE)
            .shownDefault("the JDK's").doc("the CAs trusted for the servers' certificates");
    public static final Key TLS_TRUST_STORE_PASSWORD = key(Section.SERVERS, "eureka.client.tls.trust-store-password")
            .masked().doc("the trust store's password");
    public static final Key TLS_TRUST_STORE_TYPE = key(Section.SERVERS, "eureka.client.tls.trust-store-type")
            .byDefault("PKCS12").doc("`PKCS12` or `JKS`");
    public static final Key PROXY_HOST = key(Section.SERVERS, "eureka.client.proxy-host").kind(Key.Kind.HOST)
            .doc("an HTTP proxy for the calls to the Eureka servers (with `proxy-port`); otherwise no proxy is used,"
                    + " whatever the app's `ProxySelector` or `http.proxyHost`");
    public static final Key PROXY_PORT =
            key(Section.SERVERS, "eureka.client.proxy-port").port(0).doc("the proxy's port");
    public static final Key PROXY_USER_NAME = key(Section.SERVERS, "eureka.client.proxy-user-name")
            .doc("a Basic login to the proxy (to tunnel to `https` servers the JDK needs"
                    + " `-Djdk.http.auth.tunneling.disabledSchemes=`)");
    public static final Key PROXY_PASSWORD = key(Section.SERVERS, "eureka.client.proxy-password").masked()
            .doc("the proxy login's password");

    // The registered instance
    public static final Key APP_NAME = key(Section.INSTANCE, "eureka.instance.appname")
            .kind(Key.Kind.NAME)
            .shownDefault("see below")
            .doc("the app's name (at most 255 characters), registered upper case; unset, the first of the three below,"
                    + " else derived from the command (Quarkus fast-jar's app jar, `java Orders.java`, the main jar"
                    + " without version, the main class); a launcher's name (Tomcat, WildFly, Jetty's start.jar)"
                    + " never is");
    public static final Key SPRING_APP_NAME = key(Section.INSTANCE, "spring.application.name").kind(Key.Kind.NAME)
            .doc("the app's name when `eureka.instance.appname` is not set");
    public static final Key QUARKUS_APP_NAME = key(Section.INSTANCE, "quarkus.application.name").kind(Key.Kind.NAME)
            .doc("likewise");
    public static final Key MICRONAUT_APP_NAME = key(Section.INSTANCE, "micronaut.application.name").kind(Key.Kind.NAME)
            .doc("likewise");
    public static final Key INSTANCE_ID = key(Section.INSTANCE, "eureka.instance.instance-id").kind(Key.Kind.ID)
            .shownDefault("`<hostname>:<appname>:<port>`").doc("unique per instance, at most 255 characters");
    public static final Key HOSTNAME = key(Section.INSTANCE, "eureka.instance.hostname")
            .kind(Key.Kind.HOST)
            .shownDefault("reverse DNS of the address, else the address")
            .doc("the host callers connect to; in containers prefer `prefer-ip-address=true` or a name callers"
                    + " resolve");
    public static final Key IP_ADDRESS = key(Section.INSTANCE, "eureka.instance.ip-address").kind(Key.Kind.IP)
            .shownDefault("detected").doc("the registered address (detection: first non-loopback interface that is up,"
                    + " container bridges skipped, IPv4 first)");
    public static final Key PREFER_IP_ADDRESS = key(Section.INSTANCE, "eureka.instance.prefer-ip-address").flag(false)
            .doc("register the IP address as `hostName` (and so in the URLs)");
    public static final Key IGNORED_INTERFACES = key(Section.INSTANCE, "spring.cloud.inetutils.ignored-interfaces")
            .kind(Key.Kind.PATTERNS).doc("interface names to skip when detecting the address");
    public static final Key PREFERRED_NETWORKS = key(Section.INSTANCE, "spring.cloud.inetutils.preferred-networks")
            .kind(Key.Kind.PATTERNS).doc("address prefixes or expressions to prefer when detecting the address");
    public static final Key VIRTUAL_HOST_NAME = key(Section.INSTANCE, "eureka.instance.virtual-host-name")
            .kind(Key.Kind.NAME)
            .shownDefault("the app name, lower case")
            .doc("the VIP address callers look the app up by");
    public static final Key SECURE_VIRTUAL_HOST_NAME = key(Section.INSTANCE, "eureka.instance.secure-virtual-host-name")
            .kind(Key.Kind.NAME).shownDefault("the app name, lower case").doc("the secure VIP address");
    public static final Key LEASE_RENEWAL_INTERVAL = key(
                    Section.INSTANCE, "eureka.instance.lease-renewal-interval-in-seconds")
            .number(30, 1, 3600, "seconds")
            .doc("the heartbeat interval");
    public static final Key LEASE_EXPIRATION = key(
                    Section.INSTANCE, "eureka.instance.lease-expiration-duration-in-seconds")
            .number(90, 1, 86_400, "seconds")
            .doc("how long Eureka keeps the instance without heartbeats; more than the interval");
    public static final Key METADATA = key(Section.INSTANCE, "eureka.instance.metadata-map").kind(Key.Kind.MAP)
            .doc("`.<key>`: metadata, e.g. `.zone=a` (from the environment, keys arrive lower case)");
    public static final Key HOME_PAGE_URL_PATH = key(Section.INSTANCE, "eureka.instance.home-page-url-path")
            .kind(Key.Kind.PATH).byDefault("/").doc("the home page's path on the registered host and port");
    public static final Key STATUS_PAGE_URL_PATH = key(Section.INSTANCE, "eureka.instance.status-page-url-path")
            .kind(Key.Kind.PATH)
            .shownDefault("the framework's, else the home page (see below)")
            .doc("the status page's path");
    public static final Key HEALTH_CHECK_URL_PATH = key(Section.INSTANCE, "eureka.instance.health-check-url-path")
            .kind(Key.Kind.PATH).shownDefault("the framework's, else none (see below)")
            .doc("the health page's path (also what `healthcheck.enabled` calls)");
    public static final Key MANAGEMENT_BASE_PATH = key(Section.INSTANCE, "management.endpoints.web.base-path")
            .kind(Key.Kind.PATH)
            .shownDefault("`/actuator`")
            .doc("Spring Boot's own key, honoured on a Spring Boot jar");
    public static final Key MANAGEMENT_EXPOSURE = key(Section.INSTANCE, "management.endpoints.web.exposure.include")
            .shownDefault("`health`")
            .doc("Spring Boot's own key, honoured on a Spring Boot jar: `/actuator/info` is the status page only when"
                    + " `info` (or `*`) is among them, else `/actuator/health` is; also read from the jar's own"
                    + " application.properties, like the two below");
    public static final Key MANAGEMENT_PORT = key(Section.INSTANCE, "management.server.port")
            .shownDefault("the serving port").doc("Spring Boot's own key, honoured on a Spring Boot jar (1-65535;"
                    + " other values mean the serving port); never the port registered");
    public static final Key HOME_PAGE_URL = key(Section.INSTANCE, "eureka.instance.home-page-url").kind(Key.Kind.URL)
            .shownDefault("built from host, port and path").doc("an absolute URL, when the page lives elsewhere");
    public static final Key STATUS_PAGE_URL = key(Section.INSTANCE, "eureka.instance.status-page-url")
            .kind(Key.Kind.URL)
            .shownDefault("built from host, port and path")
            .doc("likewise");
    public static final Key HEALTH_CHECK_URL = key(Section.INSTANCE, "eureka.instance.health-check-url")
            .kind(Key.Kind.URL)
            .shownDefault("built from host, port and path")
            .doc("likewise; also what `healthcheck.enabled` calls");
    public static final Key SECURE_HEALTH_CHECK_URL = key(Section.INSTANCE, "eureka.instance.secure-health-check-url")
            .kind(Key.Kind.URL).shownDefault("built from host, port and path").doc("likewise");

    // Ports, readiness and health
    public static final Key REGISTER_ON = key(Section.READINESS, "eureka.agent.register-on")
            .choice(ReadinessSettings.RegisterOn.class, "accept")
            .doc("when to register: the app accepts on its port; binds it; the configured port answers TCP (servers"
                    + " whose sockets the hooks cannot see); right after start, with no port");
    public static final Key NON_SECURE_PORT = key(Section.READINESS, "eureka.instance.non-secure-port")
            .port(8080)
            .shownDefault("the port the app serves on")
            .doc("the HTTP port; set, the agent waits for exactly this port");
    public static final Key NON_SECURE_PORT_ENABLED = key(Section.READINESS, "eureka.instance.non-secure-port-enabled")
            .flag(true).doc("whether the HTTP port is registered; one of the two ports must be");
    public static final Key SECURE_PORT = key(Section.READINESS, "eureka.instance.secure-port").port(443)
            .doc("the HTTPS port; detected from binds only when it is the only enabled port");
    public static final Key SECURE_PORT_ENABLED = key(Section.READINESS, "eureka.instance.secure-port-enabled")
            .flag(false).doc("whether the HTTPS port is registered");
    public static final Key QUARKUS_MANAGEMENT_ENABLED = key(Section.READINESS, "quarkus.management.enabled")
            .flag(false)
            .doc("Quarkus' own key: its management interface has a port of its own, never the one registered");
    public static final Key QUARKUS_MANAGEMENT_PORT = key(Section.READINESS, "quarkus.management.port").port(9000)
            .doc("Quarkus' own key: that port, with `quarkus.management.enabled=true`");
    public static final Key MICRONAUT_MANAGEMENT_PORT = key(Section.READINESS, "endpoints.all.port").port(0)
            .shownDefault("the serving port")
            .doc("Micronaut's own key: the port of its management endpoints, never the one registered");
    public static final Key HEALTH_CHECK_ENABLED = key(Section.READINESS, "eureka.client.healthcheck.enabled")
            .flag(false)
            .doc("register as STARTING and follow the health URL: UP at its first 2xx, DOWN on errors and timeouts;"
                    + " each change sent at once (at most 4 a minute, in bursts of 4)");
    public static final Key HEALTH_CHECK_INTERVAL = key(Section.READINESS, "eureka.agent.health-check-interval-seconds")
            .number(30, 1, 3600, "seconds").shownDefault("the renewal interval")
            .doc("how often the health URL is checked once UP (every 500 ms while STARTING, for up to 2 minutes)");

    // Discovery
    public static final Key FETCH_REGISTRY = key(Section.DISCOVERY, "eureka.client.fetch-registry").flag(false)
            .doc("keep a copy of the registry (whole at start, then deltas); off, discovery costs nothing");
    public static final Key REGISTRY_FETCH_INTERVAL = key(
                    Section.DISCOVERY, "eureka.client.registry-fetch-interval-seconds")
            .number(30, 1, 3600, "seconds")
            .doc("how often the delta is fetched; after a failed or refused fetch twice as long each time, at most 10"
                    + " intervals, as the Netflix client");
    public static final Key FILTER_ONLY_UP = key(Section.DISCOVERY, "eureka.client.filter-only-up-instances").flag(true)
            .doc("only UP instances are handed out");
    public static final Key RESOLVE_SERVICE_URLS = key(Section.DISCOVERY, "eureka.agent.resolve-service-urls")
            .flag(false)
            .doc("`http://<service>/...` from `HttpURLConnection` and `java.net.http.HttpClient` goes to an UP instance"
                    + " (needs `fetch-registry`)");

    // The agent
    public static final Key ENABLED = key(Section.AGENT, "eureka.client.enabled").flag(true)
            .doc("`false` turns the agent off; nothing else is read");
    public static final Key REGISTER_WITH_EUREKA = key(Section.AGENT, "eureka.client.register-with-eureka").flag(true)
            .doc("`false`: consumer only, nothing registered and no port awaited; discovery works as configured");
    public static final Key DEBUG = key(Section.AGENT, "eureka.agent.debug").flag(false)
            .doc("more lines on stderr: premain time, each heartbeat, readiness");
    public static final Key SHUTDOWN_TIMEOUT = key(Section.AGENT, "eureka.agent.shutdown-timeout-ms")
            .number(2000, 0, 60_000, "milliseconds").doc("the most deregistration may add to JVM exit; `0` skips it");
    public static final Key SHUTDOWN_DRAIN = key(Section.AGENT, "eureka.agent.shutdown-drain-seconds")
            .number(0, 0, 3600, "seconds")
            .doc("on SIGTERM, leave Eureka at once and keep serving this long before the JVM shuts down, so that"
                    + " callers' caches forget the instance first; `0`: shut down at once");
    public static final Key FAIL_FAST = key(Section.AGENT, "eureka.agent.fail-fast").flag(false)
            .doc("a bad setting stops the JVM with exit code 78 instead of running the app without the agent");
    public static final Key CONFIG_FILE = key(Section.AGENT, "eureka.agent.config-file").kind(Key.Kind.FILE)
            .doc("a properties file with any of these keys (UTF-8, a regular file or a resource on the JVM's class"
                    + " path, not in a Spring Boot jar's BOOT-INF, of at most 1 MB); lowest precedence");

    private Catalog() {
    }

    /** Every setting, in the reference's order. */
    public static List<Key> all() {
        return Collections.unmodifiableList(KEYS);
    }

    /** How a user writes an enum constant in a setting: lower case with dashes ({@code port-open}). */
    static String spelling(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
