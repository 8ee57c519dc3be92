package io.eurekaagent.e2e;

/** Indents compact JSON for people to read (the demo prints what Eureka answers). */
final class JsonIndenter {
    private JsonIndenter() {
    }

    static String indent(String json) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\') {
                    out.append(json.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                out.append(c);
            } else if (c == '{' || c == '[') {
                out.append(c).append('\n').append("  ".repeat(++depth));
            } else if (c == '}' || c == ']') {
                out.append('\n').append("  ".repeat(--depth)).append(c);
            } else if (c == ',') {
                out.append(",\n").append("  ".repeat(depth));
            } else if (c == ':') {
                out.append(": ");
            } else if (!Character.isWhitespace(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
