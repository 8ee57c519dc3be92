package io.eurekaagent.jdk;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.eurekaagent.threads.AgentThreads;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The one rule of waiting for a hook: an app thread loading a target class waits until the hook is defined or given
 * up, an agent thread never waits. The wait here is ten minutes, so that a thread that waited would hang the test.
 */
class JdkHookTest {
    private final JdkHook hook = new JdkHook(null, HookContract.NAME_TEMPLATE, HookContract.NAME_HOOK,
            Duration.ofMinutes(10));

    @Test
    void anAppThreadWaitsUntilTheHookIsGivenUpThenLoadsTheClassUnchanged() throws Exception {
        CompletableFuture<Boolean> loading = new CompletableFuture<>();
        Thread app = new Thread(() -> loading.complete(hook.awaitDefined()), "main");
        app.start();

        hook.abandon();

        assertFalse(loading.get(60, TimeUnit.SECONDS));
    }

    @Test
    void aHookThatCannotBeDefinedReleasesTheWaitingThreads() throws Exception {
        CompletableFuture<Boolean> loading = new CompletableFuture<>();
        Thread app = new Thread(() -> loading.complete(hook.awaitDefined()), "main");
        app.start();

        // No Instrumentation: defining fails as on a JVM that refuses it.
        assertThrows(RuntimeException.class, () -> hook.define(Map.of()));

        assertFalse(loading.get(60, TimeUnit.SECONDS));
    }

    @Test
    void anAgentThreadNeverWaitsForAHookOneOfThemIsDefining() throws Exception {
        CompletableFuture<Boolean> loading = new CompletableFuture<>();
        AgentThreads.newThread("lookup", () -> loading.complete(hook.awaitDefined())).start();

        // Neither defined nor given up: an app thread would wait here for ten minutes.
        assertFalse(loading.get(60, TimeUnit.SECONDS));
    }
}
