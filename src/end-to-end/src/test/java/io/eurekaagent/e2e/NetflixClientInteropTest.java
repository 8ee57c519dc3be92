package io.eurekaagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.netflix.appinfo.ApplicationInfoManager;
import com.netflix.appinfo.InstanceInfo;
import com.netflix.appinfo.MyDataCenterInstanceConfig;
import com.netflix.appinfo.providers.EurekaConfigBasedInstanceInfoProvider;
import com.netflix.discovery.DefaultEurekaClientConfig;
import com.netflix.discovery.DiscoveryClient;
import com.netflix.discovery.EurekaClientConfig;
import com.netflix.discovery.Jersey3DiscoveryClientOptionalArgs;
import com.netflix.discovery.shared.transport.jersey3.Jersey3TransportClientFactories;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Netflix Eureka client itself (com.netflix.eureka:eureka-client 2.0, as Netflix OSS stacks use it directly), as
 * a consumer: it finds an agent-registered app by its VIP address and calls the URL it was registered with.
 */
class NetflixClientInteropTest {
    private static final Duration START = Duration.ofSeconds(60);

    @Test
    void theNetflixClientFindsTheAgentsInstanceByVipAddressAndCallsIt() throws Exception {
        EurekaServer server = SharedEurekaServer.get();
        int port = Project.freePort();
        try (ChildProcess app = AgentApp.testApp(server, "netflix-called", port).start("netflix-called")) {
            Registry.awaitInstances(server, "NETFLIX-CALLED", 1, START);
            DiscoveryClient client = consumer(server);
            try {
                InstanceInfo found = awaitVip(client, "netflix-called");

                assertEquals(port, found.getPort());
                assertEquals("hello", Http.awaitOk(found.getHomePageUrl() + "hello", START));
            } finally {
                client.shutdown();
            }
            app.stop(START);
        }
    }

    /** A consumer-only Netflix client fetching the registry every second from {@code server}. */
    private static DiscoveryClient consumer(EurekaServer server) {
        EurekaClientConfig config = new DefaultEurekaClientConfig() {
            @Override
            public List<String> getEurekaServerServiceUrls(String zone) {
                return List.of(server.serviceUrl());
            }

            @Override
            public boolean shouldRegisterWithEureka() {
                return false;
            }

            @Override
            public int getRegistryFetchIntervalSeconds() {
                return 1;
            }
        };
        MyDataCenterInstanceConfig instance = new MyDataCenterInstanceConfig();
        ApplicationInfoManager manager =
                new ApplicationInfoManager(instance, new EurekaConfigBasedInstanceInfoProvider(instance).get());
        return new DiscoveryClient(
                manager, config, new Jersey3TransportClientFactories(), new Jersey3DiscoveryClientOptionalArgs());
    }

    private static InstanceInfo awaitVip(DiscoveryClient client, String vip) throws Exception {
        InstanceInfo[] found = new InstanceInfo[1];
        String[] notYet = {""};
        Await.until(START, Duration.ofMillis(100), () -> {
            try {
                found[0] = client.getNextServerFromEureka(vip, false);
                return true;
            } catch (RuntimeException e) {
                notYet[0] = e.toString();
                return false;
            }
        }, () -> "the Netflix client did not find " + vip + ": " + notYet[0]);
        return found[0];
    }
}
