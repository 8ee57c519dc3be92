package io.eurekaagent.config;

/** Reads the {@code sun.java.command} system property: the main class or jar, then the program's arguments. */
public final class JavaCommand {
    private JavaCommand() {
    }

    /**
     * The main class or jar ({@code module/class} for a module), or "" when unknown. Plain string work: it runs in
     * premain.
     */
    public static String mainOf(String command) {
        if (command == null) {
            return "";
        }
        String text = command.trim();
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return text.substring(0, i);
            }
        }
        return text;
    }

    public static String ofThisJvm() {
        return System.getProperty("sun.java.command");
    }
}
