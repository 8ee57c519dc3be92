package io.eurekaagent.log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;

/**
 * Who else writes where the agent writes. JBoss LogManager's colour console (WildFly's, Quarkus' on a terminal)
 * writes a colour reset after each line's newline: where standard output and standard error are one stream (a
 * terminal, {@code 2>&1}, systemd's journal), a line written next would begin with that escape code. The agent then
 * ends the open line first, so that its own line starts clean.
 */
final class ConsoleNeighbour {
    private static final String JBOSS_LOG_MANAGER = "org.jboss.logmanager.LogManager";
    private static volatile Boolean oneStream;

    private ConsoleNeighbour() {
    }

    /** Whether a colour console of JBoss LogManager's shares the agent's stream (it sets itself up after premain). */
    static boolean leavesLinesOpen() {
        return JBOSS_LOG_MANAGER.equals(System.getProperty("java.util.logging.manager")) && oneStream();
    }

    private static boolean oneStream() {
        Boolean known = oneStream;
        if (known == null) {
            try {
                known = Files.readSymbolicLink(Paths.get("/proc/self/fd/1"))
                        .equals(Files.readSymbolicLink(Paths.get("/proc/self/fd/2")));
            } catch (IOException | RuntimeException e) {
                known = false;
            }
            oneStream = known;
        }
        return known;
    }
}
