package io.eurekaagent.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The keys of Spring Cloud Netflix's metadata (client and instance beans) that the agent does not read, each with
 * why and what to do instead: a service's existing settings are honoured ({@link Catalog}) or named, never dropped
 * without a word (issue 23). SpringCloudKeysTest holds Spring's whole list, so a key Spring adds shows up there.
 */
final class UnusedSpringKeys {
    private static final String WHOLE_REGISTRY = "the agent keeps one copy of the whole registry";
    private static final String ONE_THREAD = "the agent's calls run on its own few threads, one call at a time";
    private static final String SERVICE_URL = "list the servers in eureka.client.service-url.<zone>";
    private static final String JSON = "the agent reads and writes JSON itself";
    private static final String REGISTERS_ON_READY = "the agent registers once the app serves and sends a change at"
            + " once (eureka.client.on-demand-update-status-change)";
    private static final String BACKOFF = "the agent's back-off is fixed (doubling, at most 10 intervals)";
    private static final String SPRING_OBJECT = "a Spring bean, not a setting";

    /** Spring's name (as its metadata spells it) -> the line's reason and advice. */
    private static final Map<String, String> KEYS = new LinkedHashMap<>();

    static {
        not("eureka.client.allow-redirects", "the agent does not follow a server's redirects: " + SERVICE_URL);
        not("eureka.client.backup-registry-impl", "discovery keeps its last copy of the registry while no server"
                + " answers");
        not("eureka.client.cache-refresh-executor-exponential-back-off-bound", BACKOFF);
        not("eureka.client.cache-refresh-executor-thread-pool-size", ONE_THREAD);
        not("eureka.client.client-data-accept", JSON);
        not("eureka.client.decoder-name", JSON);
        not("eureka.client.disable-delta", "the agent fetches deltas and the whole registry when their hash code"
                + " disagrees, as the Netflix client does by default");
        not("eureka.client.dollar-replacement", "it escapes XML names; " + JSON);
        not("eureka.client.encoder-name", JSON);
        not("eureka.client.escape-char-replacement", "it escapes XML names; " + JSON);
        not("eureka.client.eureka-connection-idle-timeout-seconds", "idle connections are the JDK HTTP client's to"
                + " close");
        not("eureka.client.eureka-server-d-n-s-name", "servers are not found in DNS TXT records: " + SERVICE_URL);
        not("eureka.client.eureka-server-port", "servers are not found in DNS TXT records: " + SERVICE_URL);
        not("eureka.client.eureka-server-total-connections", ONE_THREAD);
        not("eureka.client.eureka-server-total-connections-per-host", ONE_THREAD);
        not("eureka.client.eureka-server-u-r-l-context", "servers are not found in DNS TXT records: " + SERVICE_URL);
        not("eureka.client.eureka-service-url-poll-interval-seconds", "the servers are read once, at start");
        not("eureka.client.fetch-remote-regions-registry", "the agent fetches its own region's registry only");
        not("eureka.client.g-zip-content", "the agent always accepts gzip, which the Netflix server requires of"
                + " reads (Spring Cloud's own client ignores this key too)");
        not("eureka.client.heartbeat-executor-exponential-back-off-bound", BACKOFF);
        not("eureka.client.heartbeat-executor-thread-pool-size", ONE_THREAD);
        not("eureka.client.initial-instance-info-replication-interval-seconds", REGISTERS_ON_READY);
        not("eureka.client.instance-info-replication-interval-seconds", REGISTERS_ON_READY);
        not("eureka.client.jersey.enabled", "the agent uses the JDK's HTTP clients: eureka.agent.http-client");
        not("eureka.client.log-delta-diff", "the agent does not log what a delta changed");
        not("eureka.client.order", "it orders Spring's discovery clients; the agent is not one");
        not("eureka.client.property-resolver", SPRING_OBJECT);
        not("eureka.client.refresh.enable", "settings are read once, at start");
        not("eureka.client.registry-refresh-single-vip-address", WHOLE_REGISTRY);
        not("eureka.client.should-enforce-registration-at-init", "the agent registers once the app serves;"
                + " eureka.agent.register-on=start registers at start");
        not("eureka.client.timeout.connect-request-timeout", "the agent has no connection pool to wait for");
        not("eureka.client.use-dns-for-fetching-service-urls", "servers are not found in DNS TXT records: "
                + SERVICE_URL);
        not("eureka.client.webclient.enabled", "the agent uses the JDK's HTTP clients: eureka.agent.http-client");
        not("eureka.instance.async-client-initialization", "the agent's client always starts on its own thread");
        not("eureka.instance.data-center-info", "the agent registers the MyOwn data center, Spring Cloud's default;"
                + " Amazon's metadata is not supported");
        not("eureka.instance.default-address-resolution-order", "callers use the registered hostName: set"
                + " eureka.instance.prefer-ip-address or eureka.instance.hostname");
        not("eureka.instance.environment", SPRING_OBJECT);
        not("eureka.instance.instance-enabled-onit", "Spring Cloud registers with eureka.instance.initial-status"
                + " whatever this says, and so does the agent: set initial-status");
        not("eureka.instance.namespace", "it names the Netflix client's own properties; the agent reads Spring's"
                + " names");
    }

    private UnusedSpringKeys() {
    }

    private static void not(String key, String why) {
        KEYS.put(key, why);
    }

    /** Spring's name -> why the agent does not use it and what to do instead. */
    static Map<String, String> all() {
        return Collections.unmodifiableMap(KEYS);
    }
}
