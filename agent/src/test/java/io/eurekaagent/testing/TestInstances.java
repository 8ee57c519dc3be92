package io.eurekaagent.testing;

import io.eurekaagent.client.EurekaClient;
import io.eurekaagent.client.ServerChoice;
import io.eurekaagent.config.ServiceUrl;
import io.eurekaagent.client.Transport;
import io.eurekaagent.config.AgentConfig;
import io.eurekaagent.config.TransportKind;
import io.eurekaagent.instance.InstanceFactory;
import io.eurekaagent.instance.InstanceInfo;
import io.eurekaagent.log.AgentLog;
import io.eurekaagent.log.LogFormat;
import io.eurekaagent.threads.AgentThreads;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/** An instance and a client as the agent builds them, for tests against WireMock. */
public final class TestInstances {
    private TestInstances() {
    }

    /** ORDERS, id {@code web-1:orders:8080}, at 127.0.0.5:8080, renewing every {@code renewalSeconds}. */
    public static InstanceInfo orders(int renewalSeconds) throws Exception {
        Map<String, String> settings = new HashMap<>(Map.of("eureka.instance.appname", "orders",
                "eureka.instance.hostname", "web-1", "eureka.instance.ip-address", "127.0.0.5",
                "eureka.instance.metadata-map.zone", "a",
                "eureka.instance.lease-renewal-interval-in-seconds", Integer.toString(renewalSeconds),
                "eureka.instance.lease-expiration-duration-in-seconds", Integer.toString(renewalSeconds * 3)));
        Properties properties = new Properties();
        properties.putAll(settings);
        AgentConfig config = AgentConfig.load(null, properties, Map.of());
        return new InstanceFactory(config.instance(), config.readiness())
                .create(8080, 0);
    }

    public static EurekaClient client(String... urls) {
        return client(TransportKind.URL_CONNECTION, urls);
    }

    public static EurekaClient client(TransportKind transport, String... urls) {
        return client(transport, Duration.ofSeconds(60), urls);
    }

    /** A client whose failed servers are set aside for {@code quarantine}; each attempt bounded by 3 s. */
    public static EurekaClient client(TransportKind transport, Duration quarantine, String... urls) {
        List<ServiceUrl> servers = Arrays.stream(urls).map(ServiceUrl::parse).collect(Collectors.toList());
        boolean tls = servers.stream().anyMatch(ServiceUrl::isHttps);
        return new EurekaClient(
                new ServerChoice(servers, quarantine), transport(transport, tls), Duration.ofSeconds(3));
    }

    /** A transport of that kind as the agent makes it for plain http servers, connect timeout 1 s. */
    public static Transport transport(TransportKind kind) {
        return transport(kind, false);
    }

    private static Transport transport(TransportKind kind, boolean tls) {
        return Transport.create(kind, Duration.ofSeconds(1), AgentThreads.httpExecutor(), null, tls, null);
    }

    /** Captures what the agent prints on stderr while it runs. */
    public static final class CapturedStderr implements AutoCloseable {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final PrintStream original = AgentLog.writeTo(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        /** Lines as {@code [eureka-agent] ...}, without the timestamp the default format puts first. */
        public CapturedStderr() {
            AgentLog.setFormat(LogFormat.PLAIN);
        }

        public String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        public long count(String fragment) {
            return text().lines().filter(line -> line.contains(fragment)).count();
        }

        @Override
        public void close() {
            AgentLog.writeTo(original);
            AgentLog.setFormat(LogFormat.TIMESTAMPED);
            original.print(text());
        }
    }
}
