package io.eurekaagent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class ServiceUrlTest {
    @Test
    void trailingSlashIsDroppedBeforeAppendingPaths() {
        assertEquals("http://eureka:8761/eureka/apps/ORDERS",
                ServiceUrl.parse("http://eureka:8761/eureka/").resolve("/apps/ORDERS").toString());
        assertEquals(
                "http://eureka/eureka/v2/apps",
                ServiceUrl.parse("http://eureka/eureka/v2").resolve("/apps").toString());
    }

    @Test
    void credentialsBecomeABasicAuthHeaderAndNeverPartOfTheRequestUri() {
        ServiceUrl url = ServiceUrl.parse("https://agent:p%40ss:w0rd@eureka:8443/eureka/");
        assertEquals("https://eureka:8443/eureka/apps", url.resolve("/apps").toString());
        assertEquals("Basic " + Base64.getEncoder().encodeToString("agent:p@ss:w0rd".getBytes()), url.authorization());
        assertEquals("https://agent:****@eureka:8443/eureka/", url.toString());
    }

    @Test
    void noCredentialsNoHeader() {
        assertNull(ServiceUrl.parse("http://eureka/eureka/").authorization());
    }

    @Test
    void badUrlsSayWhatIsWrong() {
        assertEquals("scheme must be http or https", assertThrows(IllegalArgumentException.class,
                () -> ServiceUrl.parse("eureka:8761")).getMessage());
        assertEquals("no host", assertThrows(IllegalArgumentException.class,
                () -> ServiceUrl.parse("http:///eureka/")).getMessage());
        assertEquals("no query or fragment allowed", assertThrows(IllegalArgumentException.class,
                () -> ServiceUrl.parse("http://eureka/eureka/?zone=a")).getMessage());
    }
}
