package io.eurekaagent.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetSocketAddress;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** HttpURLConnection's own retry of a request whose connection was cut off goes to another instance of the service. */
class CutOffRetryTest {
    /** Stands in for sun.net.www.http.HttpClient and its retry flag. */
    static final class FakeHttpClient {
        boolean failedOnce;
    }


    @Test
    void theRetryOfAnAddressHandedOutForAServiceGoesToTheNextInstanceTheFirstConnectDoesNot() throws Exception {
        Registry registry = Registry.of(List.of(LoopbackInstances.up("a", 8001), LoopbackInstances.up("b", 8002)));
        ServiceUrlRewriter rewriter =
                new ServiceUrlRewriter(new ServiceResolver(() -> registry, null, true, Duration.ZERO));
        CutOffRetry retry = new CutOffRetry(rewriter, FakeHttpClient.class.getDeclaredField("failedOnce"));
        URL first = (URL) rewriter.apply(new URL("http://orders/x"));
        FakeHttpClient client = new FakeHttpClient();

        assertNull(retry.apply(new Object[] {client, first.getHost(), first.getPort()}));
        client.failedOnce = true;
        InetSocketAddress elsewhere =
                (InetSocketAddress) retry.apply(new Object[] {client, first.getHost(), first.getPort()});

        assertEquals(first.getPort() == 8001 ? 8002 : 8001, elsewhere.getPort());
        assertNull(retry.apply(new Object[] {client, "not-a-service-address", 9999}));
    }
}
