package io.eurekaagent.config;

/** Plain character checks: no regular expressions or lambdas on the premain path (their first use costs ms). */
final class ValueCheck {
    /** Eureka keeps ids and names in URLs and in every registry copy: a longer one is a mistake. */
    static final int MAX_LENGTH = 255;

    private ValueCheck() {
    }

    /** An app name or VIP address: letters, digits, '.', '_' or '-'. */
    static boolean isName(String value) {
        return !value.isEmpty() && value.length() <= MAX_LENGTH && onlyNameCharacters(value);
    }

    /** An instance id: one segment of Eureka's URLs. */
    static boolean isSegment(String value) {
        return !value.isEmpty() && value.length() <= MAX_LENGTH && isPathSegment(value);
    }

    static boolean isPath(String value) {
        return value.startsWith("/") && !hasWhitespace(value) && percentEscapesAreValid(value);
    }

    private static boolean onlyNameCharacters(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 128 || !Character.isLetterOrDigit(c) && "._-".indexOf(c) < 0) {
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

    /** Every {@code %} starts an escape of two hex digits ({@code /%zz} would be refused by the server or a proxy). */
    private static boolean percentEscapesAreValid(String value) {
        for (int i = value.indexOf('%'); i >= 0; i = value.indexOf('%', i + 1)) {
            if (i + 2 >= value.length() || !isHexDigit(value.charAt(i + 1)) || !isHexDigit(value.charAt(i + 2))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHexDigit(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /**
     * An optionally signed run of ASCII digits as an int. Not {@code Integer.parseInt} alone: it takes any Unicode
     * digit, so fullwidth {@code ５} or Arabic-Indic {@code ٣} would pass as numbers.
     */
    static int asciiInt(String value) {
        int start = value.startsWith("-") || value.startsWith("+") ? 1 : 0;
        if (start == value.length()) {
            throw new NumberFormatException(value);
        }
        for (int i = start; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                throw new NumberFormatException(value);
            }
        }
        return Integer.parseInt(value);
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
