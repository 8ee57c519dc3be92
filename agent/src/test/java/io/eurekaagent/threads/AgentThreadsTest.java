package io.eurekaagent.threads;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AgentThreadsTest {
    private static final long WAIT_SECONDS = 30;

    @Test
    void aCallThatNeverEndsHoldsOnlyItsOwnHttpThread() throws Exception {
        ExecutorService http = AgentThreads.httpExecutor();
        CountDownLatch stalled = new CountDownLatch(1);
        try {
            http.submit(() -> stalled.await(WAIT_SECONDS, TimeUnit.SECONDS));
            // The deregistration behind a page check whose server never answers (issue 20's CI run).
            Future<String> next = http.submit(() -> Thread.currentThread().getName());

            String thread = next.get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertTrue(thread.startsWith("eureka-agent-http-"), thread);
        } finally {
            stalled.countDown();
            http.shutdownNow();
        }
    }

    @Test
    void pastTheLimitACallIsRefusedAtOnceRatherThanQueuedBehindStalledOnes() throws Exception {
        ExecutorService http = AgentThreads.httpExecutor();
        CountDownLatch stalled = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(AgentThreads.HTTP_THREADS_MAX);
        try {
            for (int i = 0; i < AgentThreads.HTTP_THREADS_MAX; i++) {
                http.submit(() -> {
                    running.countDown();
                    return stalled.await(WAIT_SECONDS, TimeUnit.SECONDS);
                });
            }
            assertTrue(running.await(WAIT_SECONDS, TimeUnit.SECONDS), "each call got a thread of its own");

            assertThrows(RejectedExecutionException.class, () -> http.submit(() -> "one too many"));
        } finally {
            stalled.countDown();
            http.shutdownNow();
        }
    }
}
