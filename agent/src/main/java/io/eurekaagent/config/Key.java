package io.eurekaagent.config;

/**
 * One setting's declaration: its name, kind of value, default, range and one-line doc. {@link Catalog} holds them all;
 * the reader, the typo hints, the command line's {@code help} and docs/configuration.md are made from them.
 */
public final class Key {
    /** What a value must look like; each reads through its own {@link SettingReader} method. */
    enum Kind {
        BOOLEAN("true or false"),
        NUMBER("a whole number"),
        PORT("a TCP port, 1-65535"),
        CHOICE("one of"),
        NAME("letters, digits, '.', '_' or '-'"),
        ID("text without spaces or / \\ ? # %"),
        HOST("a host name or IP address"),
        IP("an IP address"),
        PATH("a URL path"),
        URL("an http(s) URL"),
        URLS("comma-separated http(s) URLs"),
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
    private Kind kind = Kind.TEXT;
    private String defaultValue;
    private String shownDefault;
    private int min;
    private int max;
    private String unit = "";
    private Class<? extends Enum<?>> choices;
    private boolean secret;
    private String doc = "";

    Key(String name, Catalog.Section section) {
        this.name = name;
        this.section = section;
    }

    // Declaration steps, each returning this key (used only while Catalog's constants are made).

    Key flag(boolean fallback) {
        kind = Kind.BOOLEAN;
        defaultValue = String.valueOf(fallback);
        return this;
    }

    Key number(int fallback, int min, int max, String unit) {
        kind = Kind.NUMBER;
        defaultValue = String.valueOf(fallback);
        this.min = min;
        this.max = max;
        this.unit = unit;
        return this;
    }

    Key port(int fallback) {
        kind = Kind.PORT;
        defaultValue = fallback == 0 ? null : String.valueOf(fallback);
        min = 1;
        max = 65535;
        return this;
    }

    Key choice(Class<? extends Enum<?>> type, String fallback) {
        kind = Kind.CHOICE;
        choices = type;
        defaultValue = fallback;
        return this;
    }

    Key kind(Kind kind) {
        this.kind = kind;
        return this;
    }

    /** A default given as a user would write it. */
    Key byDefault(String value) {
        defaultValue = value;
        return this;
    }

    /** How the docs state a default that is not one value (derived, detected, another setting's). */
    Key shownDefault(String text) {
        shownDefault = text;
        return this;
    }

    /** Masked in every log line ({@link io.eurekaagent.log.AgentLog#addSecret}). */
    Key masked() {
        secret = true;
        return this;
    }

    Key doc(String text) {
        doc = text;
        return this;
    }

    public String name() {
        return name;
    }

    Catalog.Section section() {
        return section;
    }

    Kind kind() {
        return kind;
    }

    /** The default as a user would write it, or null (unset, detected or derived). */
    String defaultValue() {
        return defaultValue;
    }

    int min() {
        return min;
    }

    int max() {
        return max;
    }

    boolean isSecret() {
        return secret;
    }

    boolean isMap() {
        return kind == Kind.MAP;
    }

    /** The accepted values, lower case with dashes ({@code port-open}); empty unless a choice. */
    String[] choiceNames() {
        if (choices == null) {
            return new String[0];
        }
        Enum<?>[] constants = choices.getEnumConstants();
        String[] names = new String[constants.length];
        for (int i = 0; i < constants.length; i++) {
            names[i] = Catalog.spelling(constants[i]);
        }
        return names;
    }

    /** The docs' "default" column. */
    String shownDefault() {
        if (shownDefault != null) {
            return shownDefault;
        }
        return defaultValue == null ? "none" : defaultValue;
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

    /** For {@link SettingReader#integer}: "of seconds " in "a whole number of seconds from 1 to 300". */
    String unitPhrase() {
        if (kind == Kind.PORT) {
            return "(a TCP port) ";
        }
        return unit.isEmpty() ? "" : "of " + unit + " ";
    }

    String doc() {
        return doc;
    }

    @Override
    public String toString() {
        return name;
    }
}
