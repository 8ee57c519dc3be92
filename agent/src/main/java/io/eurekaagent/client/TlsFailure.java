package io.eurekaagent.client;

import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;

/** One line for a failed TLS handshake: what went wrong, and the setting that usually fixes it. */
final class TlsFailure {
    private TlsFailure() {
    }

    static String describe(SSLException e) {
        String message = rootMessage(e);
        if (message.contains("certification path") || message.contains("PKIX")) {
            return "TLS: the server's certificate is not trusted (" + message
                    + "); give its CA with eureka.client.tls.trust-store";
        }
        if (message.contains("subject alternative name") || message.contains("No name matching")) {
            return "TLS: the server's certificate is for another host (" + message + ")";
        }
        if (message.contains("certificate_required") || message.contains("bad_certificate")) {
            return "TLS: the server refused the client certificate or got none (" + message
                    + "); check eureka.client.tls.key-store";
        }
        if (hasCause(e, CertificateException.class)) {
            return "TLS: the server's certificate was refused (" + message + ")";
        }
        return "TLS handshake failed (" + message + ")";
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : e.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
