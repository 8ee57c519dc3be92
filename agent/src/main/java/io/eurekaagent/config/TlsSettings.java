package io.eurekaagent.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.UnrecoverableKeyException;
import java.util.Collections;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * {@code eureka.client.tls.*}, Spring Cloud's names for talking to Eureka over TLS with a custom trust store and a
 * client certificate (mTLS). Both stores are opened at start-up, so a wrong path or password is one line naming the
 * setting rather than a handshake failure later. Only read when TLS is enabled: opening key stores costs tens of ms.
 */
final class TlsSettings {
    private TlsSettings() {
    }

    /** The SSL context for https servers, or null to use the JDK's default trust (tls not enabled). */
    static SSLContext read(SettingReader r) {
        boolean enabled = r.get(Catalog.TLS_ENABLED);
        Setting keyStore = r.raw(Catalog.TLS_KEY_STORE);
        Setting trustStore = r.raw(Catalog.TLS_TRUST_STORE);
        if (!enabled) {
            if (keyStore != null || trustStore != null) {
                Setting set = keyStore != null ? keyStore : trustStore;
                r.warning(set.key() + " (" + set.source() + ") has no effect without " + Catalog.TLS_ENABLED + "=true");
            }
            return null;
        }
        Setting keyStorePassword = r.raw(Catalog.TLS_KEY_STORE_PASSWORD);
        Setting keyPassword = r.raw(Catalog.TLS_KEY_PASSWORD);
        KeyStore keys = open(r, keyStore, keyStorePassword, r.raw(Catalog.TLS_KEY_STORE_TYPE), true);
        KeyStore trust = open(
                r, trustStore, r.raw(Catalog.TLS_TRUST_STORE_PASSWORD), r.raw(Catalog.TLS_TRUST_STORE_TYPE), false);
        try {
            KeyManagerFactory keyManagers = null;
            if (keys != null) {
                keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                Setting password = keyPassword != null ? keyPassword : keyStorePassword;
                try {
                    keyManagers.init(keys, chars(password));
                } catch (UnrecoverableKeyException e) {
                    r.problem(
                            password != null ? password : keyStore,
                            "the password of the private key in "
                                    + keyStore.value().trim());
                    return null;
                }
            }
            TrustManagerFactory trustManagers = null;
            if (trust != null) {
                trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trustManagers.init(trust);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers == null ? null : keyManagers.getKeyManagers(),
                    trustManagers == null ? null : trustManagers.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            r.problem(
                    keyStore != null ? keyStore : r.raw(Catalog.TLS_ENABLED),
                    "key material this JVM can use (" + e.getMessage() + ")");
            return null;
        }
    }

    /** The store, or null when unset or when it cannot be opened (then a problem names the setting to fix). */
    private static KeyStore open(SettingReader r, Setting file, Setting password, Setting type, boolean needsKey) {
        if (file == null) {
            return null;
        }
        String what = needsKey ? "key store" : "trust store";
        Key<String> typeKey = needsKey ? Catalog.TLS_KEY_STORE_TYPE : Catalog.TLS_TRUST_STORE_TYPE;
        String typeName = type == null ? typeKey.defaultValue() : type.value().trim();
        KeyStore store;
        try {
            store = KeyStore.getInstance(typeName);
        } catch (KeyStoreException e) {
            r.problem(type, "a key store type such as PKCS12 or JKS");
            return null;
        }
        String location = file.value().trim();
        try (InputStream in = read(location)) {
            if (in == null) {
                r.problem(file, "a readable " + what + " file (not found)");
                return null;
            }
            store.load(in, chars(password));
        } catch (AccessDeniedException e) {
            r.problem(file, "a readable " + what + " file (permission denied)");
            return null;
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException
                    || String.valueOf(e.getMessage()).contains("password")) {
                r.problem(password != null ? password : file, "the password of " + location);
            } else {
                r.problem(file, "a readable " + typeName + " " + what + " (" + e.getMessage() + ")");
            }
            return null;
        } catch (GeneralSecurityException e) {
            r.problem(file, "a readable " + typeName + " " + what + " (" + e.getMessage() + ")");
            return null;
        }
        if (!holds(store, needsKey)) {
            r.problem(
                    file,
                    needsKey
                            ? "a key store holding a private key and its certificate"
                            : "a trust store holding at least one certificate");
            return null;
        }
        return store;
    }

    /** Spring resource style: {@code file:/path}, {@code classpath:name} or a plain path. Null when not found. */
    private static InputStream read(String location) throws IOException {
        String resource = FileLocation.classPathName(location);
        if (resource != null) {
            return ClassLoader.getSystemResourceAsStream(resource);
        }
        Path path = FileLocation.path(location);
        return Files.isRegularFile(path) ? Files.newInputStream(path) : null;
    }

    private static boolean holds(KeyStore store, boolean key) {
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (key ? store.isKeyEntry(alias) : store.isCertificateEntry(alias) || store.isKeyEntry(alias)) {
                    return true;
                }
            }
            return false;
        } catch (KeyStoreException e) {
            return false;
        }
    }

    private static char[] chars(Setting password) {
        return password == null ? null : password.value().toCharArray();
    }
}
