package io.eurekaagent.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One setting, declared once in {@link Catalog}: its name, type and parser (its {@link Kind}), default value, range or
 * choices, whether it is secret, and one line of doc. {@link SettingReader#get} reads it through its parser; the typo
 * hints, the command line's {@code help} and docs/configuration.md are made from it (the default shown is the value).
 * @param <T> what a read returns
 */
public final class Key<T> {
    /** What a value must look like, and how it is parsed: a switch, not lambdas (their first use costs premain ms). */
    enum Kind {
        BOOLEAN("true or false"),
        NUMBER("a whole number"),
        PORT("a TCP port, 1-65535"),
        /** A framework's own port: 1-65535 is one, anything else (off, random, a typo) is 0 and its business. */
        FOREIGN_PORT("a TCP port, 1-65535"),
        CHOICE("one of"),
        NAME("letters, digits, '.', '_' or '-'"),
        ID("text without spaces or / \\ ? # %"),
        HOST("a host name or IP address"),
        IP("an IP address"),
        PATH("a URL path"),
        URL("an http(s) URL"),
        PATTERNS("comma-separated regular expressions"),
        MAP("entries `.<name>=value`"),
        TEXT("text"),
        FILE("a file: a path, file:/path or classpath:name");

        final String shape;

        Kind(String shape) {
            this.shape = shape;
        }
    }

    private final String name;
    private final Catalog.Section section;
    private final Kind kind;
    private final T defaultValue;
    private String shownDefault;
    private int min;
    private int max;
    private String unit = "";
    private Enum<?>[] choices;
    private String what = "";
    private boolean secret;
    private String doc = "";

    Key(String name, Catalog.Section section, Kind kind, T defaultValue) {
        this.name = name;
        this.section = section;
        this.kind = kind;
        this.defaultValue = defaultValue;
    }

    // Declaration steps, each returning this key (used only while Catalog's constants are made).

    Key<T> range(int min, int max, String unit) {
        this.min = min;
        this.max = max;
        this.unit = unit;
        return this;
    }

    Key<T> choices(Enum<?>[] constants) {
        choices = constants;
        return this;
    }

    /** What a name or id is, for the line refusing a bad one: "an application name". */
    Key<T> what(String text) {
        what = text;
        return this;
    }

    /** How the docs state a default that is not one value (derived, detected, another setting's). */
    Key<T> shownDefault(String text) {
        shownDefault = text;
        return this;
    }

    /** Masked in every log line ({@link io.eurekaagent.log.AgentLog#addSecret}). */
    Key<T> masked() {
        secret = true;
        return this;
    }

    Key<T> doc(String text) {
        doc = text;
        return this;
    }

    public String name() {
        return name;
    }

    Catalog.Section section() {
        return section;
    }

    /** The value when the setting is not given (null: unset, detected or derived). */
    T defaultValue() {
        return defaultValue;
    }

    boolean isSecret() {
        return secret;
    }

    boolean isMap() {
        return kind == Kind.MAP;
    }

    /**
     * The value written as {@code text} (trimmed), or an IllegalArgumentException whose message says what is expected.
     * Unchecked: the kind and the type parameter are paired by Catalog's factory methods.
     */
    @SuppressWarnings("unchecked")
    T parse(String text) {
        String value = text.trim();
        switch (kind) {
            case BOOLEAN:
                String bool = value.toLowerCase(Locale.ROOT);
                if (bool.equals("true") || bool.equals("false")) {
                    return (T) Boolean.valueOf(bool);
                }
                throw new IllegalArgumentException("true or false");
            case NUMBER:
            case PORT:
                try {
                    int number = ValueCheck.asciiInt(value);
                    if (number >= min && number <= max) {
                        return (T) Integer.valueOf(number);
                    }
                } catch (NumberFormatException e) {
                    // said below, with the range
                }
                throw new IllegalArgumentException("a whole number " + unitPhrase() + "from " + min + " to " + max);
            case FOREIGN_PORT:
                try {
                    int port = ValueCheck.asciiInt(value);
                    return (T) Integer.valueOf(port > 0 && port <= 65535 ? port : 0);
                } catch (NumberFormatException e) {
                    return (T) Integer.valueOf(0);
                }
            case CHOICE:
                // As Spring binds enums: port-open, PORT_OPEN and port_open alike.
                String spelled = value.toLowerCase(Locale.ROOT).replace('_', '-');
                for (Enum<?> constant : choices) {
                    if (Catalog.spelling(constant).equals(spelled)) {
                        return (T) constant;
                    }
                }
                throw new IllegalArgumentException("one of " + String.join(", ", choiceNames()));
            case PATTERNS:
                return (T) patterns(value);
            case URL:
                try {
                    ServiceUrl.parse(value);
                    return (T) value;
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("an absolute http or https URL (" + e.getMessage() + ")");
                }
            case NAME:
                return (T) checked(value, ValueCheck.isName(value), what + " of letters, digits, '.', '_' or '-', at"
                        + " most " + ValueCheck.MAX_LENGTH + " characters");
            case ID:
                return (T) checked(value, ValueCheck.isSegment(value), what + " without spaces, control characters"
                        + " or / \\ ? # %, at most " + ValueCheck.MAX_LENGTH + " characters");
            case HOST:
                return (T) checked(value, HostSyntax.isValid(value),
                        "a host name of letters, digits, '.', '-' or '_', or an IP address");
            case IP:
                return (T) checked(value, HostSyntax.literal(value) != null,
                        "a literal IPv4 or IPv6 address such as 10.0.0.5");
            case PATH:
                return (T) checked(value, ValueCheck.isPath(value),
                        "a URL path starting with '/', without spaces, with % only in escapes such as %20");
            default:
                return (T) text;
        }
    }

    private static String checked(String value, boolean valid, String expected) {
        if (valid) {
            return value;
        }
        throw new IllegalArgumentException(expected);
    }

    private static List<Pattern> patterns(String value) {
        List<Pattern> patterns = new ArrayList<>();
        for (String part : value.split(",")) {
            try {
                if (!part.isBlank()) {
                    patterns.add(Pattern.compile(part.trim()));
                }
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(
                        "comma-separated regular expressions ('" + part.trim() + "' is not one)");
            }
        }
        return patterns;
    }

    /** The accepted values, lower case with dashes ({@code port-open}); empty unless a choice. */
    String[] choiceNames() {
        if (choices == null) {
            return new String[0];
        }
        String[] names = new String[choices.length];
        for (int i = 0; i < choices.length; i++) {
            names[i] = Catalog.spelling(choices[i]);
        }
        return names;
    }

    /** The default as a user would write it, or null when there is none. */
    String writtenDefault() {
        if (defaultValue instanceof Map) {
            StringBuilder entries = new StringBuilder();
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) defaultValue).entrySet()) {
                entries.append(entries.length() == 0 ? "" : ",").append(entry.getKey()).append('=')
                        .append(entry.getValue());
            }
            return entries.length() == 0 ? null : entries.toString();
        }
        if (defaultValue == null || defaultValue instanceof List
                || kind == Kind.PORT && Integer.valueOf(0).equals(defaultValue)) {
            return null;
        }
        return defaultValue instanceof Enum ? Catalog.spelling((Enum<?>) defaultValue) : defaultValue.toString();
    }

    /** The docs' "default" column: the default value itself, unless a text says what it is. */
    String shownDefault() {
        if (shownDefault != null) {
            return shownDefault;
        }
        String written = writtenDefault();
        return written == null ? "none" : written;
    }

    /** The docs' "values" column. */
    String values() {
        switch (kind) {
            case NUMBER:
                return min + "-" + max + (unit.isEmpty() ? "" : " " + unit);
            case CHOICE:
                return String.join(", ", choiceNames());
            default:
                return kind.shape;
        }
    }

    /** "of seconds " in "a whole number of seconds from 1 to 300". */
    private String unitPhrase() {
        return kind == Kind.PORT ? "(a TCP port) " : unit.isEmpty() ? "" : "of " + unit + " ";
    }

    /** Spring Boot's environment form: upper case, '.' to '_', '-' dropped ({@code EUREKA_CLIENT_SERVICEURL}). */
    String environmentName() {
        return name.toUpperCase(Locale.ROOT).replace(".", "_").replace("-", "");
    }

    String doc() {
        return doc;
    }

    @Override
    public String toString() {
        return name;
    }
}
