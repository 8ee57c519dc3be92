package io.eurekaagent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each bad value yields exactly one message: the key as the user wrote it, the value, the source, what is expected. */
class BadSettingsTest {
    /** One character past the 255 an app name may have; a constant, for the table below. */
    private static final String NAME_OF_256 = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
            + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
            + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
            + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "eureka.instance.lease-renewal-interval-in-seconds | abc | a whole number of seconds from 1 to 3600",
                "eureka.instance.lease-renewal-interval-in-seconds | 0 | a whole number of seconds from 1 to 3600",
                "eureka.instance.leaseExpirationDurationInSeconds | 1.5 | a whole number of seconds from 1 to 86400",
                "eureka.instance.lease-expiration-duration-in-seconds | 20 | more seconds than the renewal interval"
                        + " (30), or Eureka drops the instance between two heartbeats",
                "eureka.instance.non-secure-port | 70000 | a whole number (a TCP port) from 1 to 65535",
                "eureka.instance.secure-port | -1 | a whole number (a TCP port) from 1 to 65535",
                "eureka.instance.non-secure-port-enabled | yes | true or false",
                "eureka.instance.prefer-ip-address | 1 | true or false",
                "eureka.client.enabled | on | true or false",
                "eureka.agent.debug | TRUEE | true or false",
                "eureka.agent.shutdown-timeout-ms | 2s | a whole number of milliseconds from 0 to 60000",
                "eureka.client.eureka-server-connect-timeout-seconds | 0 | a whole number of seconds from 1 to 300",
                "eureka.client.service-url.defaultZone | localhost:8761/eureka | comma-separated http(s) URLs such as "
                        + "http://eureka:8761/eureka/ ('localhost:8761/eureka': scheme must be http or https)",
                "eureka.client.service-url.defaultZone | ftp://eureka/ | comma-separated http(s) URLs such as "
                        + "http://eureka:8761/eureka/ ('ftp://eureka/': scheme must be http or https)",
                "eureka.client.service-url.defaultZone | http://ex ample/eureka/ | comma-separated http(s) URLs such"
                        + " as http://eureka:8761/eureka/ ('http://ex ample/eureka/': not a URL)",
                "eureka.client.service-url.defaultZone | ' , ' | at least one http(s) URL such as"
                        + " http://eureka:8761/eureka/",
                "eureka.instance.appname | '' | an application name of letters, digits, '.', '_' or '-', at most 255 "
                        + "characters",
                "eureka.instance.appname | my app | an application name of letters, digits, '.', '_' or '-', at most"
                        + " 255 characters",
                "eureka.instance.appname | orders/v2 | an application name of letters, digits, '.', '_' or '-', at"
                        + " most 255 characters",
                "eureka.instance.virtual-host-name | a b | a VIP address of letters, digits, '.', '_' or '-', at most"
                        + " 255 characters",
                "eureka.instance.instance-id | '  ' | an instance id without spaces, control characters or / \\ ? # %,"
                        + " at most 255 characters",
                "eureka.instance.instance-id | orders/1 | an instance id without spaces, control characters or / \\ ?"
                        + " # %, at most 255 characters",
                "eureka.instance.instance-id | a\\b | an instance id without spaces, control characters or / \\ ? # %,"
                        + " at most 255 characters",
                "eureka.instance.instance-id | a?b#c | an instance id without spaces, control characters or / \\ ? #"
                        + " %, at most 255 characters",
                "eureka.instance.instance-id | 100%% | an instance id without spaces, control characters or / \\ ? #"
                        + " %, at most 255 characters",
                "eureka.instance.hostname | my host | a host name of letters, digits, '.', '-' or '_', or an IP"
                        + " address",
                "eureka.instance.hostname | a/b?c | a host name of letters, digits, '.', '-' or '_', or an IP address",
                "eureka.instance.hostname | 2130706433 | a host name of letters, digits, '.', '-' or '_', or an IP"
                        + " address",
                "eureka.instance.appname | " + NAME_OF_256
                        + " | an application name of letters, digits, '.', '_' or '-', at most 255 characters",
                "eureka.instance.ip-address | myhost.example | a literal IPv4 or IPv6 address such as 10.0.0.5",
                "eureka.instance.ip-address | 300.1.1.1 | a literal IPv4 or IPv6 address such as 10.0.0.5",
                "eureka.instance.health-check-url-path | health | a URL path starting with '/', without"
                        + " spaces, with % only in escapes such as %20",
                "eureka.instance.home-page-url | /home | an absolute http or https URL (scheme must be http or https)",
                "spring.cloud.inetutils.ignored-interfaces | docker[ | comma-separated regular expressions ('docker['"
                        + " is not one)",
                "eureka.agent.register-on | listen | one of accept, bind, port-open, start",
                "eureka.instance.initial-status | READY | one of up, down, starting, out-of-service, unknown",
                "eureka.client.healthcheck.enabled | maybe | true or false",
                "eureka.agent.health-check-interval-seconds | 0 | a whole number of seconds from 1 to 3600",
                "eureka.instance.lease-renewal-interval-in-seconds | 99999 | a whole number of seconds from 1 to 3600",
                "eureka.client.eureka-server-read-timeout-seconds | -3 | a whole number of seconds from 1 to 300",
                "eureka.agent.server-quarantine-seconds | 0 | a whole number of seconds from 1 to 3600",
                "eureka.client.prefer-same-zone-eureka | si | true or false",
                "eureka.client.region | us east | a region name of letters, digits, '.', '_' or '-', at most 255"
                        + " characters",
                "eureka.client.service-url.zone-a | eureka-a:8761 | comma-separated http(s) URLs such as "
                        + "http://eureka:8761/eureka/ ('eureka-a:8761': scheme must be http or https)",
                "eureka.client.service-url.defaultZone | http://eureka/eureka/?x=1 | comma-separated http(s) URLs such"
                        + " as http://eureka:8761/eureka/ ('http://eureka/eureka/?x=1': no query or fragment allowed)",
                "eureka.client.service-url.defaultZone | http://eureka:0/eureka/ | comma-separated http(s) URLs such"
                        + " as http://eureka:8761/eureka/ ('http://eureka:0/eureka/': port 0 is not from 1 to 65535)",
                "eureka.client.service-url.defaultZone | http://eureka:99999/eureka/ | comma-separated http(s) URLs"
                    + " such as http://eureka:8761/eureka/ ('http://eureka:99999/eureka/': port 99999 is not from 1 to"
                    + " 65535)",
                "eureka.client.proxy-host | proxy.internal | both eureka.client.proxy-host and"
                        + " eureka.client.proxy-port, or neither",
                "eureka.client.proxy-port | 3128 | both eureka.client.proxy-host and eureka.client.proxy-port, or"
                        + " neither",
                "eureka.client.proxy-host | my proxy | a host name of letters, digits, '.', '-' or '_', or an IP"
                        + " address",
                "eureka.instance.status-page-url | ftp://host/info | an absolute http or https URL (scheme must be"
                        + " http or https)",
                "eureka.instance.health-check-url | http:///health | an absolute http or https URL (no host)",
                "eureka.instance.status-page-url-path | info page | a URL path starting with '/', without"
                        + " spaces, with % only in escapes such as %20",
                "eureka.agent.fail-fast | sometimes | true or false",
                // Issue 21, defect 8: digits other than ASCII ones, and percent-escapes that are none.
                "eureka.instance.non-secure-port | \uFF15\uFF10\uFF10\uFF10 | a whole number (a TCP port) from 1 to"
                        + " 65535",
                "eureka.instance.lease-renewal-interval-in-seconds | \u0663 | a whole number of seconds from 1 to"
                        + " 3600",
                "eureka.instance.health-check-url-path | /%zz | a URL path starting with '/', without"
                        + " spaces, with % only in escapes such as %20",
                "eureka.instance.home-page-url-path | /a%2 | a URL path starting with '/', without"
                        + " spaces, with % only in escapes such as %20",
                "management.endpoints.web.base-path | /ops%g0 | a URL path starting with '/', without"
                        + " spaces, with % only in escapes such as %20",
            })
    void isExplainedInOneLine(String key, String value, String expected) {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> AgentConfigTest.load(null, Map.of(key, value), Map.of()));
        assertEquals(1, e.problems().size(), e.problems().toString());
        assertEquals(key + "=" + value + " (system property): expected " + expected, e.problems().get(0));
        assertFalse(e.failFast());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pw1/pw2,pw3 pw4@pw5", "pw1@pw2,pw3", "pw1 pw2/pw3", "pw1@pw2"})
    void aPasswordIsNeverShownWhateverItHolds(String password) {
        String value = "http://agent:" + password + "@eureka:99999/eureka/";
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> AgentConfigTest.load(null, Map.of("eureka.client.service-url.defaultZone", value), Map.of()));

        String line = e.problems().get(0);
        for (String piece : password.split("[,/@ ]")) {
            assertFalse(line.contains(piece), line);
        }
        assertTrue(line.contains("in a password, percent-encode commas, slashes, at signs, colons, spaces and % ? #")
                || line.contains("agent:****@"), line);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "eureka.client.servce-url.defaultZone | eureka.client.service-url.defaultZone",
        "eureka.instance.non-secure-prot | eureka.instance.non-secure-port",
        "eureka.client.healthcheck.enable | eureka.client.healthcheck.enabled",
        "eureka.instance.leaseRenewalIntervalInSecond | eureka.instance.lease-renewal-interval-in-seconds",
        "eureka.instance.metdata-map.zone | eureka.instance.metadata-map.zone",
        "eureka.agent.shutdown-timout-ms | eureka.agent.shutdown-timeout-ms",
    })
    void aLikelyTypoIsWarnedAboutWithTheKeyItResembles(String typo, String meant) throws Exception {
        AgentConfig config = AgentConfigTest.load(null, Map.of(typo, "1"), Map.of());

        assertEquals(
                java.util.List.of(
                        "unknown setting " + typo + " (system property) ignored: did you mean " + meant + "?"),
                config.warnings());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "eureka.server.enable-self-preservation",
        "eureka.server.peer-node-read-timeout-ms",
        "eureka.dashboard.path",
        "eureka.instance.metadata-map.zonee",
        "spring.application.nme"
    })
    void eurekaServerKeysAndMapEntriesAreNotTypos(String key) throws Exception {
        assertEquals(java.util.List.of(), AgentConfigTest.load(null, Map.of(key, "x"), Map.of()).warnings());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "EUREKA_INSTANCE_NONSECUREPORT | x | EUREKA_INSTANCE_NONSECUREPORT=x (environment variable): expected a whole "
                + "number (a TCP port) from 1 to 65535",
        "EUREKA_CLIENT_ENABLED | nope | EUREKA_CLIENT_ENABLED=nope (environment variable): expected true or false",
    })
    void environmentVariablesAreNamedAsTheUserWroteThem(String name, String value, String message) {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> AgentConfigTest.load(null, Map.of(), Map.of(name, value)));
        assertEquals(java.util.List.of(message), e.problems());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "eureka.client.service-url.defaultZone=ftp://user:s3cret@eureka/ | "
                + "eureka.client.service-url.defaultZone=ftp://user:****@eureka/ (agent argument): expected "
                + "comma-separated http(s) URLs such as http://eureka:8761/eureka/ ('ftp://user:****@eureka/': scheme "
                + "must be http or https)",
        "http://user:s3cret@eureka/ | agent arguments 'http://user:****@eureka/': expected key=value pairs separated "
                + "by commas",
        // Issue 21, defect 8: a key of letters other than ASCII ones is no key.
        "\u00fc=\u00fc | agent arguments '\u00fc=\u00fc': expected key=value pairs separated by commas",
    })
    void agentArgumentProblems(String arguments, String message) {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> AgentConfigTest.load(arguments, Map.of(), Map.of()));
        assertEquals(java.util.List.of(message), e.problems());
    }

    @ParameterizedTest(name = "both ports disabled")
    @CsvSource("false")
    void oneServingPortMustBeEnabled(String enabled) {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> AgentConfigTest.load(null, Map.of("eureka.instance.non-secure-port-enabled", enabled), Map.of()));
        assertEquals(java.util.List.of("eureka.instance.non-secure-port-enabled=false (system property): expected true,"
                + " or eureka.instance.secure-port-enabled=true: one port must be enabled"), e.problems());
    }
}
