package io.eurekaagent.config;

/** Plain character checks: no regular expressions or lambdas on the premain path (their first use costs ms). */
enum ValueCheck {
    NAME, SEGMENT, HOST, PATH, IP;

    /** Eureka keeps ids and names in URLs and in every registry copy: a longer one is a mistake. */
    static final int MAX_LENGTH = 255;

    boolean accepts(String value) {
        switch (this) {
            case NAME:
                return !value.isEmpty() && value.length() <= MAX_LENGTH && onlyNameCharacters(value);
            case SEGMENT:
                return !value.isEmpty() && value.length() <= MAX_LENGTH && isPathSegment(value);
            case HOST:
                return HostSyntax.isValid(value);
            case PATH:
                return value.startsWith("/") && !hasWhitespace(value);
            default:
                return HostSyntax.literal(value) != null;
        }
    }

    private static boolean onlyNameCharacters(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= 'a' && c <= 'z'
                    || c >= 'A' && c <= 'Z'
                    || c >= '0' && c <= '9'
                    || c == '.'
                    || c == '_'
                    || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** Nothing a server or proxy could take as a separator, an escape or a query, nor any space or control. */
    private static boolean isPathSegment(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || "/\\?#%".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasWhitespace(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isWhitespace(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
