package io.eurekaagent.compat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Helidon 4 (Java 21+) and a subset of the servers again, with the apps on the JDK that E2E_JDK25 names (the
 * build's failsafe execution sets e2e.java to it).
 */
class ServersOnJdk25Test {
    @ParameterizedTest
    @EnumSource(value = Server.class,
            names = {"HELIDON_4", "NETTY_NIO", "NETTY_EPOLL", "VERTX_5", "QUARKUS_3", "SPRING_BOOT_4"})
    void registeredOnlyOnceItServesOnItsOwnPortWithPagesThatAnswerAndGoneOnSigterm(Server server) throws Exception {
        Scenario.registersOnlyOnceItServesAndLeavesOnSigterm(server);
    }
}
