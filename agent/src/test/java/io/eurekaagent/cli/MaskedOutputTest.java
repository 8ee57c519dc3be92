package io.eurekaagent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.eurekaagent.log.AgentLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MaskedOutputTest {
    /** Issue 21, defect 3: the command line's lines are masked as the agent's are. */
    @Test
    void aPasswordInAnyFormIsMaskedInEveryLine() {
        AgentLog.addCredentials("cli-user", "cli;pass word", "cli%3Bpass%20word");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new MaskedOutput(new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
            out.println("http://cli-user:cli%3Bpass%20word@127.0.0.1:8761/eureka/: FAILED: server said cli;pass word");
            out.println((Object) "and pass word");
        }
        assertEquals("http://cli-user:****@127.0.0.1:8761/eureka/: FAILED: server said ****" + System.lineSeparator()
                + "and ****" + System.lineSeparator(), bytes.toString(StandardCharsets.UTF_8));
    }

    /** Issue 21, defect 8: an exception message with a line break stays on its line. */
    @Test
    void eachPrintlnIsOneLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new MaskedOutput(new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
            out.println("FAILED: Leading zeroes not allowed\n at [Source: REDACTED]");
        }
        assertEquals("FAILED: Leading zeroes not allowed\\n at [Source: REDACTED]" + System.lineSeparator(),
                bytes.toString(StandardCharsets.UTF_8));
    }
}
