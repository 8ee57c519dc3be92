package io.eurekaagent.discovery;

import java.net.InetAddress;
import java.net.UnknownHostException;

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

    /** A DNS name, a dotted IPv4 address or an IPv6 literal; never a link-local address (169.254/16, fe80::/10). */
    static boolean host(String host) {
        if (host == null || host.isEmpty() || host.length() > 253) {
            return false;
        }
        if (host.indexOf(':') >= 0) {
            return ipv6(host);
        }
        boolean numeric = true;
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            numeric &= digit || c == '.';
            if (!(digit || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-' || c == '_' || c == '.')) {
                return false;
            }
        }
        return numeric ? ipv4(host) : !host.startsWith(".") && !host.startsWith("-") && !host.contains("..");
    }

    /** Only the dotted quad: {@code 2130706433} or {@code 127.1} would be read as addresses too, unseen. */
    private static boolean ipv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        int[] bytes = new int[4];
        for (int i = 0; i < 4; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 3) {
                return false;
            }
            bytes[i] = Integer.parseInt(parts[i]);
            if (bytes[i] > 255) {
                return false;
            }
        }
        return !(bytes[0] == 169 && bytes[1] == 254);
    }

    private static boolean ipv6(String host) {
        String address = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        int zone = address.indexOf('%');
        String bare = zone < 0 ? address : address.substring(0, zone);
        if (bare.isEmpty() || bare.charAt(0) == '.') {
            return false;
        }
        for (int i = 0; i < bare.length(); i++) {
            char c = bare.charAt(i);
            if (Character.digit(c, 16) < 0 && c != ':' && c != '.') {
                return false;
            }
        }
        try {
            // Starting with a hex digit or a colon and holding a colon: the JDK parses it as a literal, never looks it up.
            byte[] bytes = InetAddress.getByName(bare).getAddress();
            return !(bytes.length == 16 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xc0) == 0x80)
                    && !(bytes.length == 4 && (bytes[0] & 0xff) == 169 && (bytes[1] & 0xff) == 254);
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
