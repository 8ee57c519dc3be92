package io.eurekaagent.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.eurekaagent.client.Transport;
import io.eurekaagent.instance.InstanceInfo;
import io.eurekaagent.testing.ScriptedEureka;
import io.eurekaagent.testing.TestInstances;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The one look at a home page standing in for the status page, after the registration (in virtual time). */
class PageCheckTest {
    private static final URI HOME = URI.create("http://127.0.0.1:8080/");

    private final VirtualClock clock = new VirtualClock(Duration.ofSeconds(10));
    private final Registrar registrar = new Registrar(Duration.ofSeconds(1), () -> 0.5, clock, true);
    private final List<Duration> timeouts = new ArrayList<>();

    @Test
    void aHomePageSlowToAnswerIsLookedAtAgainLongerAndDroppedOnA404() throws Exception {
        InstanceInfo instance = registered();

        new PageCheck(answering(2, 404), HOME, registrar, instance).run();

        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8)), timeouts);
        assertNull(instance.statusPageUrl());
    }

    @Test
    void aHomePageThatNeverAnswersStaysAfterThreeLooks() throws Exception {
        InstanceInfo instance = registered();

        new PageCheck(answering(3, 404), HOME, registrar, instance).run();

        assertEquals(3, timeouts.size());
        assertNotNull(instance.statusPageUrl());
    }

    /** Registered once (the loop runs to the clock's end in virtual time, then deregisters). */
    private InstanceInfo registered() throws Exception {
        InstanceInfo instance = TestInstances.orders(30);
        clock.atEnd(() -> registrar.deregister(Duration.ofSeconds(1)));
        registrar.run(new ScriptedEureka(clock::nanoTime), instance, null, 0);
        return instance;
    }

    /** Times out {@code timeouts} times, then answers {@code status}; notes each look's timeout. */
    private Transport answering(int timeoutsFirst, int status) {
        return (method, uri, headers, body, timeout, limit) -> {
            timeouts.add(timeout);
            if (timeouts.size() <= timeoutsFirst) {
                throw new TimeoutException("no answer within " + timeout.toMillis() + " ms");
            }
            return new Transport.Answer(status, new byte[0], null);
        };
    }
}
