package io.eurekaagent.config;

import io.eurekaagent.log.LogFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Every setting the agent reads, declared once. Adding a setting is a declaration here plus the code that uses it
 * (a section read whole, {@link SectionValues}) or its read in the concern's settings class; docs/configuration.md,
 * the typo hints and {@code help} follow (CatalogTest checks the file). Names follow Spring Cloud Netflix wherever it
 * has one.
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
    private static final List<Key<?>> KEYS = new ArrayList<>();

    private static <T> Key<T> key(Section section, String name, Key.Kind kind, T fallback) {
        Key<T> key = new Key<>(name, section, kind, fallback);
        KEYS.add(key);
        return key;
    }

    // The declarations by type. A number's fallback may be null: derived where it is read; a port's 0 is none.
    private static Key<Boolean> flag(Section s, String name, boolean fallback) {
        return key(s, name, Key.Kind.BOOLEAN, fallback);
    }

    private static Key<Integer> number(Section s, String name, Integer fallback, int min, int max, String unit) {
        return key(s, name, Key.Kind.NUMBER, fallback).range(min, max, unit);
    }

    private static Key<Integer> port(Section s, String name, int fallback) {
        return key(s, name, Key.Kind.PORT, fallback).range(1, 65535, "");
    }

    /** A framework's own port setting: never refused, anything but 1-65535 reads as 0. */
    private static Key<Integer> foreignPort(Section s, String name, int fallback) {
        return key(s, name, Key.Kind.FOREIGN_PORT, fallback);
    }

    private static <E extends Enum<E>> Key<E> choice(Section s, String name, E[] constants, E fallback) {
        return key(s, name, Key.Kind.CHOICE, fallback).choices(constants);
    }

    private static Key<String> text(Section s, String name, Key.Kind kind) {
        return key(s, name, kind, null);
    }

    private static Key<String> text(Section s, String name, Key.Kind kind, String fallback) {
        return key(s, name, kind, fallback);
    }

    private static Key<List<Pattern>> patterns(Section s, String name) {
        return key(s, name, Key.Kind.PATTERNS, List.of());
    }

    private static Key<Map<String, String>> map(Section s, String name, Map<String, String> fallback) {
        return key(s, name, Key.Kind.MAP, fallback);
    }

    // Eureka servers, TLS and proxy
    public static final Key<Map<String, String>> SERVICE_URL =
            map(Section.SERVERS, "eureka.client.service-url", Map.of("defaultZone", "http://localhost:8761/eureka/"))
            .doc("the Eureka servers of each zone (`.defaultZone`, `.<zone>`): comma-separated, at most 32;"
                    + " `http://user:password@host/eureka/` logs in to that server (percent-encode `@ : / , % ? #` and"
                    + " spaces in a password); passwords are masked in every line");
    public static final Key<String> REGION = text(Section.SERVERS, "eureka.client.region", Key.Kind.NAME, "us-east-1")
            .what("a region name").doc("the region whose `availability-zones` order the zones");
    public static final Key<Map<String, String>> AVAILABILITY_ZONES =
            map(Section.SERVERS, "eureka.client.availability-zones", Map.of())
            .doc("`.<region>`: the zones of a region in order, as in Spring Cloud; zones not listed are tried last");
    public static final Key<Boolean> PREFER_SAME_ZONE =
            flag(Section.SERVERS, "eureka.client.prefer-same-zone-eureka", true)
            .doc("servers of the instance's zone (`metadata-map.zone`, else the first availability zone) first");
    public static final Key<Integer> SERVER_QUARANTINE =
            number(Section.SERVERS, "eureka.agent.server-quarantine-seconds", 60, 1, 3600, "seconds")
            .doc("how long a server that failed is tried last before it is preferred again");
    public static final Key<Integer> CONNECT_TIMEOUT =
            number(Section.SERVERS, "eureka.client.eureka-server-connect-timeout-seconds", 5, 1, 300, "seconds")
            .doc("connect timeout of each request to a server");
    public static final Key<Integer> READ_TIMEOUT =
            number(Section.SERVERS, "eureka.client.eureka-server-read-timeout-seconds", 8, 1, 300, "seconds")
            .doc("answer timeout of each request to a server");
    public static final Key<Integer> TIMEOUT_CONNECT =
            number(Section.SERVERS, "eureka.client.timeout.connect-timeout", null, 1, 300_000, "milliseconds")
            .shownDefault("`eureka-server-connect-timeout-seconds`")
            .doc("Spring Cloud 4+'s own connect timeout: set, it is the one used");
    public static final Key<Integer> TIMEOUT_SOCKET =
            number(Section.SERVERS, "eureka.client.timeout.socket-timeout", null, 1, 300_000, "milliseconds")
            .shownDefault("`eureka-server-read-timeout-seconds`")
            .doc("Spring Cloud 4+'s own answer timeout: set, it is the one used");
    public static final Key<TransportKind> HTTP_CLIENT =
            choice(Section.SERVERS, "eureka.agent.http-client", TransportKind.values(), TransportKind.URL_CONNECTION)
            .doc("the JDK client of the agent's own calls: `HttpURLConnection` (lighter) or"
                    + " `java.net.http.HttpClient`");
    public static final Key<Boolean> TLS_ENABLED = flag(Section.SERVERS, "eureka.client.tls.enabled", false)
            .doc("use the stores below for `https` servers; without it the JDK's trust store and no client"
                    + " certificate");
    public static final Key<String> TLS_KEY_STORE = text(Section.SERVERS, "eureka.client.tls.key-store", Key.Kind.FILE)
            .doc("the client certificate and its key, for mTLS");
    public static final Key<String> TLS_KEY_STORE_PASSWORD =
            text(Section.SERVERS, "eureka.client.tls.key-store-password", Key.Kind.TEXT).masked()
            .doc("the key store's password");
    public static final Key<String> TLS_KEY_STORE_TYPE =
            text(Section.SERVERS, "eureka.client.tls.key-store-type", Key.Kind.TEXT, "PKCS12").doc("`PKCS12` or `JKS`");
    public static final Key<String> TLS_KEY_PASSWORD =
            text(Section.SERVERS, "eureka.client.tls.key-password", Key.Kind.TEXT).masked()
            .shownDefault("the key store's password").doc("the private key's password");
    public static final Key<String> TLS_TRUST_STORE =
            text(Section.SERVERS, "eureka.client.tls.trust-store", Key.Kind.FILE).shownDefault("the JDK's")
            .doc("the CAs trusted for the servers' certificates");
    public static final Key<String> TLS_TRUST_STORE_PASSWORD =
            text(Section.SERVERS, "eureka.client.tls.trust-store-password", Key.Kind.TEXT).masked()
            .doc("the trust store's password");
    public static final Key<String> TLS_TRUST_STORE_TYPE =
            text(Section.SERVERS, "eureka.client.tls.trust-store-type", Key.Kind.TEXT, "PKCS12")
            .doc("`PKCS12` or `JKS`");
    public static final Key<String> PROXY_HOST = text(Section.SERVERS, "eureka.client.proxy-host", Key.Kind.HOST)
            .doc("an HTTP proxy for the calls to the Eureka servers (with `proxy-port`); otherwise no proxy is used,"
                    + " whatever the app's `ProxySelector` or `http.proxyHost`");
    public static final Key<Integer> PROXY_PORT = port(Section.SERVERS, "eureka.client.proxy-port", 0)
            .doc("the proxy's port");
    public static final Key<String> PROXY_USER_NAME =
            text(Section.SERVERS, "eureka.client.proxy-user-name", Key.Kind.TEXT)
            .doc("a Basic login to the proxy (to tunnel to `https` servers the JDK needs"
                    + " `-Djdk.http.auth.tunneling.disabledSchemes=`)");
    public static final Key<String> PROXY_PASSWORD =
            text(Section.SERVERS, "eureka.client.proxy-password", Key.Kind.TEXT).masked()
            .doc("the proxy login's password");

    // The registered instance
    public static final Key<String> APP_NAME = text(Section.INSTANCE, "eureka.instance.appname", Key.Kind.NAME)
            .what("an application name").shownDefault("see below")
            .doc("the app's name (at most 255 characters), registered upper case; unset, the first of the three below,"
                    + " else derived from the command (Quarkus fast-jar's app jar, `java Orders.java`, the main jar"
                    + " without version, the main class); a launcher's name (Tomcat, WildFly, Jetty's start.jar)"
                    + " never is");
    public static final Key<String> SPRING_APP_NAME = text(Section.INSTANCE, "spring.application.name", Key.Kind.NAME)
            .what("an application name").doc("the app's name when `eureka.instance.appname` is not set");
    public static final Key<String> QUARKUS_APP_NAME = text(Section.INSTANCE, "quarkus.application.name", Key.Kind.NAME)
            .what("an application name").doc("likewise");
    public static final Key<String> MICRONAUT_APP_NAME =
            text(Section.INSTANCE, "micronaut.application.name", Key.Kind.NAME).what("an application name")
            .doc("likewise");
    public static final Key<String> INSTANCE_ID = text(Section.INSTANCE, "eureka.instance.instance-id", Key.Kind.ID)
            .what("an instance id").shownDefault("`<hostname>:<appname>:<port>`")
            .doc("unique per instance, at most 255 characters");
    public static final Key<String> HOSTNAME = text(Section.INSTANCE, "eureka.instance.hostname", Key.Kind.HOST)
            .shownDefault("reverse DNS of the address, else the address")
            .doc("the host callers connect to; in containers prefer `prefer-ip-address=true` or a name callers"
                    + " resolve");
    public static final Key<String> IP_ADDRESS = text(Section.INSTANCE, "eureka.instance.ip-address", Key.Kind.IP)
            .shownDefault("detected")
            .doc("the registered address (detection: first non-loopback interface that is up,"
                    + " container bridges skipped, IPv4 first)");
    public static final Key<Boolean> PREFER_IP_ADDRESS =
            flag(Section.INSTANCE, "eureka.instance.prefer-ip-address", false)
            .doc("register the IP address as `hostName` (and so in the URLs)");
    public static final Key<List<Pattern>> IGNORED_INTERFACES =
            patterns(Section.INSTANCE, "spring.cloud.inetutils.ignored-interfaces")
            .doc("interface names to skip when detecting the address");
    public static final Key<List<Pattern>> PREFERRED_NETWORKS =
            patterns(Section.INSTANCE, "spring.cloud.inetutils.preferred-networks")
            .doc("address prefixes or expressions to prefer when detecting the address");
    public static final Key<String> VIRTUAL_HOST_NAME =
            text(Section.INSTANCE, "eureka.instance.virtual-host-name", Key.Kind.NAME).what("a VIP address")
            .shownDefault("the app name, lower case").doc("the VIP address callers look the app up by");
    public static final Key<String> SECURE_VIRTUAL_HOST_NAME =
            text(Section.INSTANCE, "eureka.instance.secure-virtual-host-name", Key.Kind.NAME).what("a VIP address")
            .shownDefault("the app name, lower case").doc("the secure VIP address");
    public static final Key<Status> INITIAL_STATUS =
            choice(Section.INSTANCE, "eureka.instance.initial-status", Status.values(), null)
            .shownDefault("`up`, or `starting` with `eureka.client.healthcheck.enabled`")
            .doc("the status the instance registers with, as in Spring Cloud; with the health check on it then"
                    + " follows the health URL");
    public static final Key<String> ASG_NAME = text(Section.INSTANCE, "eureka.instance.asg-name", Key.Kind.TEXT)
            .doc("registered as `asgName`, as Spring Cloud does (callers and consoles group instances by it)");
    public static final Key<String> APP_GROUP_NAME =
            text(Section.INSTANCE, "eureka.instance.app-group-name", Key.Kind.TEXT)
            .doc("registered as `appGroupName`, upper case as Spring Cloud sends it");
    public static final Key<Integer> LEASE_RENEWAL_INTERVAL =
            number(Section.INSTANCE, "eureka.instance.lease-renewal-interval-in-seconds", 30, 1, 3600, "seconds")
            .doc("the heartbeat interval");
    public static final Key<Integer> LEASE_EXPIRATION =
            number(Section.INSTANCE, "eureka.instance.lease-expiration-duration-in-seconds", 90, 1, 86_400, "seconds")
            .doc("how long Eureka keeps the instance without heartbeats; more than the interval");
    public static final Key<Map<String, String>> METADATA =
            map(Section.INSTANCE, "eureka.instance.metadata-map", Map.of())
            .doc("`.<key>`: metadata, e.g. `.zone=a` (from the environment, keys arrive lower case)");
    public static final Key<String> HOME_PAGE_URL_PATH =
            text(Section.INSTANCE, "eureka.instance.home-page-url-path", Key.Kind.PATH, "/")
            .doc("the home page's path on the registered host and port");
    public static final Key<String> STATUS_PAGE_URL_PATH =
            text(Section.INSTANCE, "eureka.instance.status-page-url-path", Key.Kind.PATH)
            .shownDefault("the framework's, else the home page (see below)").doc("the status page's path");
    public static final Key<String> HEALTH_CHECK_URL_PATH =
            text(Section.INSTANCE, "eureka.instance.health-check-url-path", Key.Kind.PATH)
            .shownDefault("the framework's, else none (see below)")
            .doc("the health page's path (also what `healthcheck.enabled` calls)");
    public static final Key<String> MANAGEMENT_BASE_PATH =
            text(Section.INSTANCE, "management.endpoints.web.base-path", Key.Kind.PATH).shownDefault("`/actuator`")
            .doc("Spring Boot's own key, honoured on a Spring Boot jar");
    public static final Key<String> MANAGEMENT_EXPOSURE =
            text(Section.INSTANCE, "management.endpoints.web.exposure.include", Key.Kind.TEXT).shownDefault("`health`")
            .doc("Spring Boot's own key, honoured on a Spring Boot jar: `/actuator/info` is the status page only when"
                    + " `info` (or `*`) is among them, else `/actuator/health` is; also read from the jar's own"
                    + " application.properties, like the two below");
    public static final Key<Integer> MANAGEMENT_PORT = foreignPort(Section.INSTANCE, "management.server.port", 0)
            .shownDefault("the serving port")
            .doc("Spring Boot's own key, honoured on a Spring Boot jar (1-65535;"
                    + " other values mean the serving port); never the port registered");
    public static final Key<String> HOME_PAGE_URL =
            text(Section.INSTANCE, "eureka.instance.home-page-url", Key.Kind.URL)
            .shownDefault("built from host, port and path").doc("an absolute URL, when the page lives elsewhere");
    public static final Key<String> STATUS_PAGE_URL =
            text(Section.INSTANCE, "eureka.instance.status-page-url", Key.Kind.URL)
            .shownDefault("built from host, port and path").doc("likewise");
    public static final Key<String> HEALTH_CHECK_URL =
            text(Section.INSTANCE, "eureka.instance.health-check-url", Key.Kind.URL)
            .shownDefault("built from host, port and path").doc("likewise; also what `healthcheck.enabled` calls");
    public static final Key<String> SECURE_HEALTH_CHECK_URL =
            text(Section.INSTANCE, "eureka.instance.secure-health-check-url", Key.Kind.URL)
            .shownDefault("built from host, port and path").doc("likewise");

    // Ports, readiness and health
    public static final Key<ReadinessSettings.RegisterOn> REGISTER_ON =
            choice(Section.READINESS, "eureka.agent.register-on", ReadinessSettings.RegisterOn.values(),
                    ReadinessSettings.RegisterOn.ACCEPT)
            .doc("when to register: the app accepts on its port; binds it; the configured port answers TCP (servers"
                    + " whose sockets the hooks cannot see); right after start, with no port");
    public static final Key<Integer> NON_SECURE_PORT = port(Section.READINESS, "eureka.instance.non-secure-port", 8080)
            .shownDefault("the port the app serves on")
            .doc("the HTTP port; set, the agent waits for exactly this port");
    public static final Key<Boolean> NON_SECURE_PORT_ENABLED =
            flag(Section.READINESS, "eureka.instance.non-secure-port-enabled", true)
            .doc("whether the HTTP port is registered; one of the two ports must be");
    public static final Key<Integer> SECURE_PORT = port(Section.READINESS, "eureka.instance.secure-port", 443)
            .doc("the HTTPS port; detected from binds only when it is the only enabled port");
    public static final Key<Boolean> SECURE_PORT_ENABLED =
            flag(Section.READINESS, "eureka.instance.secure-port-enabled", false)
            .doc("whether the HTTPS port is registered");
    public static final Key<Boolean> QUARKUS_MANAGEMENT_ENABLED =
            flag(Section.READINESS, "quarkus.management.enabled", false)
            .doc("Quarkus' own key: its management interface has a port of its own, never the one registered");
    public static final Key<Integer> QUARKUS_MANAGEMENT_PORT =
            foreignPort(Section.READINESS, "quarkus.management.port", 9000)
            .doc("Quarkus' own key: that port, with `quarkus.management.enabled=true`");
    public static final Key<Integer> MICRONAUT_MANAGEMENT_PORT = foreignPort(Section.READINESS, "endpoints.all.port", 0)
            .shownDefault("the serving port")
            .doc("Micronaut's own key: the port of its management endpoints, never the one registered");
    public static final Key<Boolean> HEALTH_CHECK_ENABLED =
            flag(Section.READINESS, "eureka.client.healthcheck.enabled", false)
            .doc("register as STARTING and follow the health URL: UP at its first 2xx, DOWN on errors and timeouts;"
                    + " each change sent at once (at most 4 a minute, in bursts of 4)");
    public static final Key<Boolean> ON_DEMAND_STATUS_CHANGE =
            flag(Section.READINESS, "eureka.client.on-demand-update-status-change", true)
            .doc("send a status change at once (within the limit above); `false`: with the next heartbeat");
    public static final Key<Integer> HEALTH_CHECK_INTERVAL =
            number(Section.READINESS, "eureka.agent.health-check-interval-seconds", null, 1, 3600, "seconds")
            .shownDefault("the renewal interval")
            .doc("how often the health URL is checked once UP (every 500 ms while STARTING, for up to 2 minutes)");

    // Discovery
    public static final Key<Boolean> FETCH_REGISTRY = flag(Section.DISCOVERY, "eureka.client.fetch-registry", false)
            .doc("keep a copy of the registry (whole at start, then deltas); off, discovery costs nothing");
    public static final Key<Integer> REGISTRY_FETCH_INTERVAL =
            number(Section.DISCOVERY, "eureka.client.registry-fetch-interval-seconds", 30, 1, 3600, "seconds")
            .doc("how often the delta is fetched; after a failed or refused fetch twice as long each time, at most 10"
                    + " intervals, as the Netflix client");
    public static final Key<Boolean> FILTER_ONLY_UP =
            flag(Section.DISCOVERY, "eureka.client.filter-only-up-instances", true)
            .doc("only UP instances are handed out");
    public static final Key<Boolean> RESOLVE_SERVICE_URLS =
            flag(Section.DISCOVERY, "eureka.agent.resolve-service-urls", false)
            .doc("`http://<service>/...` from `HttpURLConnection` and `java.net.http.HttpClient` goes to an UP instance"
                    + " (needs `fetch-registry`)");

    // The agent
    public static final Key<Boolean> ENABLED = flag(Section.AGENT, "eureka.client.enabled", true)
            .doc("`false` turns the agent off; nothing else is read");
    public static final Key<Boolean> REGISTER_WITH_EUREKA =
            flag(Section.AGENT, "eureka.client.register-with-eureka", true)
            .doc("`false`: consumer only, nothing registered and no port awaited; discovery works as configured");
    public static final Key<Boolean> DEBUG = flag(Section.AGENT, "eureka.agent.debug", false)
            .doc("more lines on stderr: premain time, each heartbeat, readiness");
    public static final Key<LogFormat> LOG_FORMAT =
            choice(Section.AGENT, "eureka.agent.log-format", LogFormat.values(), LogFormat.TIMESTAMPED)
            .doc("each line as `[eureka-agent] ...` (`plain`), after a UTC timestamp (`timestamped`, as"
                    + " OpenTelemetry's agent) or as a JSON object with `timestamp`, `level`, `logger`, `message`");
    public static final Key<Boolean> UNREGISTER_ON_SHUTDOWN =
            flag(Section.AGENT, "eureka.client.should-unregister-on-shutdown", true)
            .doc("`false`: the instance stays registered at exit until its lease expires, as in Spring Cloud (and no"
                    + " drain)");
    public static final Key<Integer> SHUTDOWN_TIMEOUT =
            number(Section.AGENT, "eureka.agent.shutdown-timeout-ms", 2000, 0, 60_000, "milliseconds")
            .doc("the most deregistration may add to JVM exit; `0` skips it");
    public static final Key<Integer> SHUTDOWN_DRAIN =
            number(Section.AGENT, "eureka.agent.shutdown-drain-seconds", 0, 0, 3600, "seconds")
            .doc("on SIGTERM, leave Eureka at once and keep serving this long before the JVM shuts down, so that"
                    + " callers' caches forget the instance first; `0`: shut down at once");
    public static final Key<Boolean> FAIL_FAST = flag(Section.AGENT, "eureka.agent.fail-fast", false)
            .doc("a bad setting stops the JVM with exit code 78 instead of running the app without the agent");
    public static final Key<String> CONFIG_FILE = text(Section.AGENT, "eureka.agent.config-file", Key.Kind.FILE)
            .doc("a properties file with any of these keys (UTF-8, a regular file or a resource on the JVM's class"
                    + " path, not in a Spring Boot jar's BOOT-INF, of at most 1 MB); below the sources above, above"
                    + " the Netflix client's file and a Spring Boot jar's own");

    private Catalog() {
    }

    /** Every setting, in the reference's order. */
    public static List<Key<?>> all() {
        return Collections.unmodifiableList(KEYS);
    }

    /** Whether the agent reads this key, in any spelling (a map's entries too). */
    static boolean isDeclared(String key) {
        String canonical = RelaxedNames.canonicalKey(key);
        for (Key<?> declared : KEYS) {
            String name = RelaxedNames.canonicalKey(declared.name());
            if (canonical.equals(name) || declared.isMap() && canonical.startsWith(name + ".")) {
                return true;
            }
        }
        return false;
    }

    /** How a user writes an enum constant in a setting: lower case with dashes ({@code port-open}). */
    static String spelling(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
