package io.eurekaagent.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
