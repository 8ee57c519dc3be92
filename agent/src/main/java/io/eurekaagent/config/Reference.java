package io.eurekaagent.config;

/**
 * The settings reference for {@code help}, made from {@link Catalog} (CatalogTest renders docs/configuration.md's
 * tables from it too).
 */
public final class Reference {
    private Reference() {
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
}
