package io.eurekaagent.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * What a host may look like where the agent puts one in a URL (its own registration, a registry entry it hands a
 * caller): a DNS name, a dotted IPv4 address or an IPv6 literal. Decided without DNS.
 */
public final class HostSyntax {
    private HostSyntax() {
    }

    public static boolean isValid(String host) {
        return host != null && (literal(host) != null || isName(host));
    }

    /**
     * The address of a dotted quad ({@code 10.0.0.1}) or an IPv6 literal ({@code fd00::1}, {@code [fd00::1]});
     * null for anything else. Only the dotted quad: {@code 2130706433}, {@code 127.1} or {@code 010.0.0.1} would be
     * read as other addresses than they seem.
     */
    public static byte[] literal(String host) {
        if (host == null || host.isEmpty()) {
            return null;
        }
        return host.indexOf(':') >= 0 ? ipv6(host) : ipv4(host);
    }

    private static boolean isName(String host) {
        if (host.isEmpty()
                || host.length() > 253
                || host.startsWith(".")
                || host.startsWith("-")
                || host.contains("..")) {
            return false;
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
        return !numeric;
    }

    private static byte[] ipv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] address = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || part.length() > 1 && part.charAt(0) == '0') {
                return null;
            }
            for (int j = 0; j < part.length(); j++) {
                if (part.charAt(j) < '0' || part.charAt(j) > '9') {
                    return null;
                }
            }
            int value = Integer.parseInt(part);
            if (value > 255) {
                return null;
            }
            address[i] = (byte) value;
        }
        return address;
    }

    private static byte[] ipv6(String host) {
        String address = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        int zone = address.indexOf('%');
        String bare = zone < 0 ? address : address.substring(0, zone);
        if (bare.isEmpty() || bare.charAt(0) == '.') {
            return null;
        }
        for (int i = 0; i < bare.length(); i++) {
            char c = bare.charAt(i);
            if (Character.digit(c, 16) < 0 && c != ':' && c != '.') {
                return null;
            }
        }
        try {
            // Starting with a hex digit or a colon and holding a colon: the JDK parses it as a literal, never looks it
            // up.
            return InetAddress.getByName(bare).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
