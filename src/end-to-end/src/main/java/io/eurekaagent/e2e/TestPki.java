package io.eurekaagent.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throwaway certificate authority made with the JDK's keytool: a server certificate for 127.0.0.1/localhost and a
 * client certificate, both signed by it, as PKCS12 stores. Made fresh by each test run; nothing leaves the directory.
 */
public final class TestPki {
    public static final String PASSWORD = "changeit";

    private final Path dir;

    private TestPki(Path dir) {
        this.dir = dir;
    }

    public static TestPki create(Path dir) throws IOException, InterruptedException {
        TestPki pki = new TestPki(dir);
        pki.keytool(
                "-genkeypair",
                "-alias",
                "ca",
                "-dname",
                "CN=eureka-agent test CA",
                "-ext",
                "bc:c",
                "-keystore",
                "ca.p12");
        pki.keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-file", "ca.pem");
        pki.keytool("-importcert", "-noprompt", "-alias", "ca", "-file", "ca.pem", "-keystore", "truststore.p12");
        pki.signed("server", "CN=localhost", "SAN=IP:127.0.0.1,DNS:localhost", "EKU=serverAuth");
        pki.signed("client", "CN=eureka-agent", "EKU=clientAuth", "KU=digitalSignature");
        pki.signed("localhost-only", "CN=localhost", "SAN=DNS:localhost", "EKU=serverAuth");
        return pki;
    }

    /**
     * A key pair in {@code name.p12} whose certificate the CA signed, stored with the CA's certificate as its chain.
     */
    private void signed(String name, String dname, String... extensions) throws IOException, InterruptedException {
        String store = name + ".p12";
        keytool("-genkeypair", "-alias", name, "-dname", dname, "-keystore", store);
        keytool("-certreq", "-alias", name, "-keystore", store, "-file", name + ".csr");
        List<String> sign = new ArrayList<>(List.of("-gencert", "-rfc", "-alias", "ca", "-keystore", "ca.p12",
                "-infile", name + ".csr", "-outfile", name + ".pem"));
        for (String extension : extensions) {
            sign.add("-ext");
            sign.add(extension);
        }
        keytool(sign.toArray(new String[0]));
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", "ca.pem", "-keystore", store);
        keytool("-importcert", "-alias", name, "-file", name + ".pem", "-keystore", store);
    }

    private void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(arguments));
        command.addAll(List.of("-storepass", PASSWORD, "-storetype", "PKCS12"));
        if (arguments[0].equals("-genkeypair")) {
            command.addAll(List.of("-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2"));
        }
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", arguments) + " failed: " + output);
        }
    }

    /** The server's key store: its key and the CA-signed certificate. */
    public Path serverKeyStore() {
        return dir.resolve("server.p12");
    }

    /** A server key store whose CA-signed certificate names localhost only: not valid for 127.0.0.1. */
    public Path localhostOnlyServerKeyStore() {
        return dir.resolve("localhost-only.p12");
    }

    /** The client's key store, for mTLS. */
    public Path clientKeyStore() {
        return dir.resolve("client.p12");
    }

    /** A trust store holding only the CA certificate. */
    public Path trustStore() {
        return dir.resolve("truststore.p12");
    }

    /** What the harness itself uses to read a TLS server: trusts the CA, presents the client certificate. */
    public SSLContext clientContext() throws IOException, GeneralSecurityException {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(clientKeyStore()), PASSWORD.toCharArray());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load(trustStore()));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    private static KeyStore load(Path file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }
}
