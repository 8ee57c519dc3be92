package io.eurekaagent.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/architecture.md's table of threads names every thread the agent starts, and no other (issue 22). */
class ThreadsTableTest {
    private static final Pattern STARTED = Pattern.compile("AgentThreads\\.newThread\\(\"([a-z-]+)\"( \\+)?");
    private static final Pattern LISTED = Pattern.compile("^\\| `eureka-agent-([a-zA-Z-]+)` \\|", Pattern.MULTILINE);

    @Test
    void theArchitectureDocumentListsEveryAgentThread() throws IOException {
        Set<String> started = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : (Iterable<Path>) sources.filter(f -> f.toString().endsWith(".java"))::iterator) {
                Matcher call = STARTED.matcher(Files.readString(source));
                while (call.find()) {
                    // "http-" + a number: the table writes it http-N.
                    started.add(call.group(1) + (call.group(2) != null ? "N" : ""));
                }
            }
        }
        Set<String> listed = new TreeSet<>();
        Matcher row = LISTED.matcher(Files.readString(Path.of("../docs/architecture.md")));
        while (row.find()) {
            listed.add(row.group(1));
        }

        assertTrue(started.size() >= 5, "found only " + started + " in the sources");
        assertEquals(started, listed, "threads started (left) and listed in docs/architecture.md (right)");
    }
}
