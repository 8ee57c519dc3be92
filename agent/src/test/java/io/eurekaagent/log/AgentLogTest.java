package io.eurekaagent.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentLogTest {
    @Test
    void passwordsInUrlsAreMasked() {
        assertEquals("servers [http://u:****@a/eureka/, https://v:****@b:8443/]",
                AgentLog.mask("servers [http://u:secret@a/eureka/, https://v:p4ss@b:8443/]"));
    }

    @Test
    void urlsWithoutPasswordsAreLeftAlone() {
        assertEquals("http://a/eureka/ and http://u@b/", AgentLog.mask("http://a/eureka/ and http://u@b/"));
    }

    @Test
    void aPasswordHoldingSlashCommaSpaceOrAtIsMaskedWhole() {
        assertEquals(
                "eureka.client.service-url.defaultZone=http://u:****@eureka/eureka/ (system property): expected ...",
                AgentLog.mask(
                        "eureka.client.service-url.defaultZone=http://u:p/a,s s@w@eureka/eureka/ (system property):"
                                + " expected ..."));
        assertEquals("http://u:****@a/eureka/,http://v:****@b/eureka/",
                AgentLog.mask("http://u:x/y@a/eureka/,http://v:p@q@b/eureka/"));
    }

    @Test
    void echoedCredentialsAndRegisteredSecretsAreMasked() {
        AgentLog.addSecret("dG9rZW4tZm9yLXRlc3Rz");
        assertEquals("HTTP 500: you sent Authorization: Basic **** and ****",
                AgentLog.mask("HTTP 500: you sent Authorization: Basic YWdlbnQ6czNjcjN0 and dG9rZW4tZm9yLXRlc3Rz"));
        assertEquals("bearer ****", AgentLog.mask("bearer eyJhbGciOiJIUzI1NiJ9.e30.x"));
    }

    /** Issue 21, defect 8: a line break in a value or an exception message must not split the agent's line. */
    @Test
    void controlCharactersAreEscapedSoThatEveryEventIsOneLine() {
        assertEquals("Leading zeroes not allowed\\n at [Source: REDACTED] tab\\t cr\\r esc\\u001b[0m",
                AgentLog.oneLine("Leading zeroes not allowed\n at [Source: REDACTED] tab\t cr\r esc\u001b[0m"));
        assertEquals("plain", AgentLog.oneLine("plain"));
    }

    /** Issue 21, defect 3: a server that echoes the credentials in any form shows none of them, nor a piece of them. */
    @Test
    void everyFormOfAUrlsCredentialsIsMasked() {
        String password = "ZQXJ/,x: %#?\u00fc\u20ac;k9pw";
        String raw = URLEncoder.encode(password, StandardCharsets.UTF_8).replace("+", "%20");
        AgentLog.addCredentials("agent", password, raw);
        String both = "agent:" + password;
        String[] echoed = {
            password,
            raw,
            both,
            URLEncoder.encode(both, StandardCharsets.UTF_8),
            Base64.getEncoder().encodeToString(both.getBytes(StandardCharsets.UTF_8)),
            "\u00fc\u20ac;k9pw",
            "k9pw"
        };
        for (String form : echoed) {
            String line = AgentLog.mask("HTTP 401: you sent <" + form + ">");
            assertEquals("HTTP 401: you sent <****>", line, form);
        }
    }

    /** Issue 23: a UTC timestamp first by default, as OpenTelemetry's agent; plain or JSON on demand. */
    @Test
    void eachFormatWritesOneLineWithTheVersionLineFirst() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream previous = AgentLog.writeTo(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            AgentLog.beginWith("eureka-agent 9.9.9 (revision 0123456789ab) on Java 17");
            AgentLog.setFormat(LogFormat.TIMESTAMPED);
            AgentLog.info("registered DEMO");
            AgentLog.setFormat(LogFormat.PLAIN);
            AgentLog.warn("a \"quoted\" \\ value");
            AgentLog.setFormat(LogFormat.JSON);
            AgentLog.warn("a \"quoted\" \\ value\non two lines");
        } finally {
            AgentLog.writeTo(previous);
            AgentLog.setFormat(LogFormat.TIMESTAMPED);
        }

        String stamp = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";
        String[] lines =
                bytes.toString(StandardCharsets.UTF_8).replaceAll(stamp, "<UTC>").split(System.lineSeparator());
        assertEquals(List.of(
                "<UTC> [eureka-agent] eureka-agent 9.9.9 (revision 0123456789ab) on Java 17",
                "<UTC> [eureka-agent] registered DEMO",
                "[eureka-agent] WARN a \"quoted\" \\ value",
                "{\"timestamp\":\"<UTC>\",\"level\":\"WARN\",\"logger\":\"eureka-agent\","
                        + "\"message\":\"a \\\"quoted\\\" \\\\ value\\\\non two lines\"}"),
                List.of(lines));
    }
}
