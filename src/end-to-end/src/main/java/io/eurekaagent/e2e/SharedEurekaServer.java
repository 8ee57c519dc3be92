package io.eurekaagent.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One Eureka server per test JVM for the scenarios that only read and write their own app (it takes seconds to start);
 * failsafe runs two such JVMs side by side, each with its own.
 */
public final class SharedEurekaServer {
    private static EurekaServer server;

    private SharedEurekaServer() {
    }

    public static synchronized EurekaServer get() throws InterruptedException {
        if (server == null) {
            try {
                server = EurekaServer.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EurekaServer started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        return server;
    }
}
