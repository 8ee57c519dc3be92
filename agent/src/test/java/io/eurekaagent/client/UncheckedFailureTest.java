package io.eurekaagent.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eurekaagent.lifecycle.TestInstances;
import io.eurekaagent.lifecycle.TestInstances.CapturedStderr;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An unchecked exception out of the HTTP stack (an app's hook that throws, a JDK bug) is one failed attempt. */
class UncheckedFailureTest {
    /** Throws for the first server, answers 204 from the second. */
    private static final Transport FIRST_THROWS = new Transport() {
        @Override
        public Answer send(String method, URI uri, Map<String, String> headers, byte[] body, Duration timeout, int limit) {
            if (uri.getPort() == 1111) {
                throw new IllegalStateException("the app's ProxySelector threw");
            }
            return new Answer(204, new byte[0], null);
        }
    };

    @Test
    void itMovesTheCallOnToTheNextServerAndTheLineSaysWhat() throws Exception {
        List<ServiceUrl> servers = List.of(ServiceUrl.parse("http://127.0.0.1:1111/eureka/"), ServiceUrl.parse("http://127.0.0.1:2222/eureka/"));
        EurekaClient client = new EurekaClient(new ServerChoice(servers, Duration.ofSeconds(60)), FIRST_THROWS, Duration.ofSeconds(1));

        try (CapturedStderr log = new CapturedStderr()) {
            EurekaResponse response = client.register(TestInstances.orders(30));

            assertEquals(204, response.status());
            assertTrue(log.text().contains("now using http://127.0.0.1:2222/eureka/ (http://127.0.0.1:1111/eureka/: "
                    + "IllegalStateException (the app's ProxySelector threw))"), log.text());
        }
    }
}
