package io.eurekaagent.instance;

/**
 * JSON written straight into a string: the registration document is the only JSON the agent writes, and Jackson's
 * ~100 classes would load on its start-up path for it.
 */
final class JsonText {
    private final StringBuilder out = new StringBuilder(1024);
    private boolean first = true;

    /** Opens an object: the document itself with a null name, else a field holding one. */
    JsonText open(String name) {
        name(name);
        out.append('{');
        first = true;
        return this;
    }

    JsonText close() {
        out.append('}');
        first = false;
        return this;
    }

    /** A string field; a null value leaves the field out. */
    JsonText field(String name, String value) {
        if (value != null) {
            name(name);
            quote(value);
            first = false;
        }
        return this;
    }

    JsonText field(String name, long value) {
        name(name);
        out.append(value);
        first = false;
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void name(String name) {
        if (!first) {
            out.append(',');
        }
        if (name != null) {
            quote(name);
            out.append(':');
        }
    }

    private void quote(String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
