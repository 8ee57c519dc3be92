package io.eurekaagent.config;

import java.util.Locale;

/**
 * The settings reference, made from {@link Catalog}: tables for docs/configuration.md, plain lines for {@code help}.
 */
public final class Reference {
    /** The lines of docs/configuration.md between these two are this class's output (CatalogTest compares them). */
    public static final String BEGIN = "<!-- generated from Catalog.java by CatalogTest: edit there, not here -->";
    public static final String END = "<!-- end of generated reference -->";

    private Reference() {
    }

    /** A table per concern: key and its environment variable, default, accepted values, what it does. */
    public static String markdown() {
        StringBuilder out = new StringBuilder();
        for (Catalog.Section section : Catalog.Section.values()) {
            out.append("\n### ").append(section.title).append("\n\n").append(section.summary).append("\n\n");
            out.append("| setting | default | values | what it does |\n|---|---|---|---|\n");
            for (Key<?> key : Catalog.all()) {
                if (key.section() == section) {
                    out.append("| `").append(key.name()).append(key.isMap() ? ".*" : "").append("`<br>`")
                            .append(environmentName(key)).append("` | ").append(quoted(key)).append(" | ")
                            .append(key.values().replace("|", "\\|")).append(" | ").append(key.doc()).append(" |\n");
                }
            }
        }
        return out.toString();
    }

    /** For {@code help}: a line per setting, grouped by concern. */
    public static String text() {
        StringBuilder out = new StringBuilder();
        for (Catalog.Section section : Catalog.Section.values()) {
            out.append("\n").append(section.title).append(":\n");
            for (Key<?> key : Catalog.all()) {
                if (key.section() == section) {
                    out.append("  ").append(key.name()).append(key.isMap() ? ".*" : "").append(" (")
                            .append(key.shownDefault().replace("`", "")).append("): ")
                            .append(key.doc().replace("`", "")).append("\n");
                }
            }
        }
        return out.toString();
    }

    /** Spring Boot's environment form: upper case, '.' to '_', '-' dropped; a map's entries as {@code _<KEY>}. */
    static String environmentName(Key<?> key) {
        String name = key.name().toUpperCase(Locale.ROOT).replace(".", "_").replace("-", "");
        return key.isMap() ? name + "_<KEY>" : name;
    }

    private static String quoted(Key<?> key) {
        String shown = key.shownDefault();
        boolean plain = shown.equals(key.writtenDefault());
        return plain ? "`" + shown + "`" : shown;
    }
}
