package io.eurekaagent.discovery;

import io.eurekaagent.config.HostSyntax;

/**
 * Whether a registry entry's host and port can be called: what a malformed or hostile entry must not hand the app
 * (a URL the JDK refuses with an unchecked exception, or the cloud metadata address). Decided without DNS.
 */
final class CallableAddress {
    private CallableAddress() {
    }

    static boolean port(int port) {
        return port > 0 && port <= 65_535;
    }

    /** A valid host ({@link HostSyntax}), never a link-local address (169.254/16, fe80::/10). */
    static boolean host(String host) {
        if (!HostSyntax.isValid(host)) {
            return false;
        }
        byte[] address = HostSyntax.literal(host);
        return address == null || !(address.length == 4 && (address[0] & 0xff) == 169 && (address[1] & 0xff) == 254
                || address.length == 16 && (address[0] & 0xff) == 0xfe && (address[1] & 0xc0) == 0x80);
    }
}
