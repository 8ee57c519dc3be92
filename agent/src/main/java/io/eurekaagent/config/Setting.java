package io.eurekaagent.config;

/** A raw value as the user wrote it: the key in the user's spelling, and where it came from. */
public final class Setting {
    private final String key;
    private final String value;
    private final String source;

    Setting(String key, String value, String source) {
        this.key = key;
        this.value = value;
        this.source = source;
    }

    public String key() {
        return key;
    }

    public String value() {
        return value;
    }

    public String source() {
        return source;
    }
}
