package io.eurekaagent.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.eurekaagent.testing.TestInstances.CapturedStderr;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The default host name: what the address resolves back to, else the address; never a wait past the bound. */
class ReverseLookupTest {
    private static final Duration AMPLE = Duration.ofSeconds(10);

    @Test
    void theNameTheAddressResolvesBackTo() {
        assertEquals(
                "ip-127-0-0-5.eu-west-1.compute.internal",
                ReverseLookup.start("127.0.0.5", address -> "ip-127-0-0-5.eu-west-1.compute.internal")
                        .nameOrAddress(AMPLE));
    }

    @Test
    void noNameIsTheAddress() {
        // The JDK answers a failed reverse lookup with the address itself.
        assertEquals("127.0.0.5", ReverseLookup.start("127.0.0.5", address -> address).nameOrAddress(AMPLE));
    }

    @Test
    void aNameNoUrlCanCarryIsTheAddress() {
        assertEquals("127.0.0.5", ReverseLookup.start("127.0.0.5", address -> "bad name/x").nameOrAddress(AMPLE));
    }

    @Test
    void aResolverThatDoesNotAnswerInTimeIsTheAddressWithOneLine() {
        CountDownLatch never = new CountDownLatch(1);
        ReverseLookup hanging = ReverseLookup.start("127.0.0.5", address -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "late.example";
        });
        try (CapturedStderr log = new CapturedStderr()) {
            assertEquals("127.0.0.5", hanging.nameOrAddress(Duration.ofMillis(50)));
            assertEquals(
                    1,
                    log.count("no reverse DNS answer for 127.0.0.5 within 50 ms: registering the address as the host"
                            + " name (set eureka.instance.hostname to choose one)"),
                    log.text());
        }
        never.countDown();
    }
}
