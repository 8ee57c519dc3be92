package io.eurekaagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eureka behind basic auth, TLS with the company's own CA, and mTLS: registered, or one clear line, and no secret
 * shown.
 */
class SecuredEurekaTest {
    private static final Duration START = Duration.ofSeconds(30);

    @TempDir
    static Path dir;
    static TestPki pki;

    @BeforeAll
    static void certificates() throws Exception {
        pki = TestPki.create(dir);
    }

    @Test
    void basicAuthFromTheUrlRegistersAndAWrongPasswordIsOneLineWithoutThePassword() throws Exception {
        try (EurekaServer server = EurekaServer.startWithBasicAuth("agent", "s3cr3t-pw")) {
            try (ChildProcess wrong = secured(server, "WRONG-PW").property("eureka.client.service-url.defaultZone",
                    server.serviceUrl("agent:not-the-pw")).start("wrong-password")) {
                wrong.awaitLine("registration failed", START);
                assertTrue(
                        wrong.output()
                                .contains("registration failed: HTTP 401 from " + server.serviceUrl("agent:****")),
                        wrong.output());
                assertFalse(wrong.output().contains("not-the-pw"), wrong.output());
                wrong.stop(START);
            }
            try (ChildProcess right = secured(server, "AUTHED").property("eureka.client.service-url.defaultZone",
                    server.serviceUrl("agent:s3cr3t-pw")).start("basic-auth")) {
                Registry.awaitInstances(server, "AUTHED", 1, START);
                right.stop(START);
                assertTrue(right.output().contains("deregistered AUTHED"), right.output());
                assertFalse(right.output().contains("s3cr3t-pw"), right.output());
            }
        }
    }

    @Test
    void tlsWithTheCompanyCaInTheTrustStoreRegistersAndWithoutItTheLineSaysWhatToSet() throws Exception {
        try (EurekaServer server = EurekaServer.startWithTls(pki, false)) {
            try (ChildProcess untrusted = secured(server, "UNTRUSTED").start("untrusted")) {
                untrusted.awaitLine("registration failed", START);
                assertTrue(
                        untrusted.output().contains("TLS: the server's certificate is not trusted"),
                        untrusted.output());
                assertTrue(
                        untrusted.output().contains("give its CA with eureka.client.tls.trust-store"),
                        untrusted.output());
                untrusted.stop(START);
            }
            try (ChildProcess trusting = withTrustStore(secured(server, "TLS-APP")).start("tls")) {
                Registry.awaitInstances(server, "TLS-APP", 1, START);
                trusting.stop(START);
                assertEquals(List.of(), Registry.instances(server, "TLS-APP"));
                assertFalse(trusting.output().contains(TestPki.PASSWORD), trusting.output());
            }
        }
    }

    @Test
    void theHostNameIsVerifiedEvenWhenTheAppTurnsTheJdksCheckOff() throws Exception {
        // A certificate the trusted CA signed for localhost only: the server, called as 127.0.0.1, must not be
        // believed.
        try (EurekaServer server = EurekaServer.startWithTls(pki, pki.localhostOnlyServerKeyStore(), false)) {
            AgentApp app = withTrustStore(secured(server, "OTHER-NAME"))
                    .property("jdk.internal.httpclient.disableHostnameVerification", "true");
            try (ChildProcess process = app.start("other-name")) {
                process.awaitLine("registration failed", START);
                process.stop(START);

                assertTrue(
                        process.output().contains("TLS: the server's certificate is for another host"),
                        process.output());
                assertEquals(List.of(), Registry.instances(server, "OTHER-NAME"));
            }
        }
    }

    @Test
    void mtlsRegistersWithTheClientCertificateAndWithoutItTheLineSaysSo() throws Exception {
        try (EurekaServer server = EurekaServer.startWithTls(pki, true)) {
            try (ChildProcess noCertificate =
                    withTrustStore(secured(server, "NO-CERT")).start("no-client-certificate")) {
                noCertificate.awaitLine("registration failed", START);
                assertTrue(
                        noCertificate.output().contains("check eureka.client.tls.key-store"), noCertificate.output());
                noCertificate.stop(START);
            }
            AgentApp app = withTrustStore(secured(server, "MTLS-APP"))
                    .property("eureka.client.tls.key-store", pki.clientKeyStore().toString())
                    .property("eureka.client.tls.key-store-password", TestPki.PASSWORD);
            try (ChildProcess mtls = app.start("mtls")) {
                Registry.awaitInstances(server, "MTLS-APP", 1, START);
                mtls.stop(START);
                assertEquals(List.of(), Registry.instances(server, "MTLS-APP"));
                assertFalse(mtls.output().contains(TestPki.PASSWORD), mtls.output());
            }
        }
    }

    /** agent-test-app with debug output on, so that every line the agent could print is checked for secrets. */
    private static AgentApp secured(EurekaServer server, String app) {
        return AgentApp.testApp(server, app, Project.freePort()).property("eureka.agent.debug", "true");
    }

    private static AgentApp withTrustStore(AgentApp app) {
        return app.property("eureka.client.tls.enabled", "true")
                .property("eureka.client.tls.trust-store", pki.trustStore().toString())
                .property("eureka.client.tls.trust-store-password", TestPki.PASSWORD);
    }
}
