package io.eurekaagent.instance;

import java.util.regex.Pattern;

/** The app name to use when none is configured: from the main jar ({@code orders-1.2.0.jar} -> orders) or class. */
final class AppNames {
    private static final Pattern VERSION_SUFFIX = Pattern.compile("-\\d[\\w.-]*$");
    private static final Pattern NOT_NAME = Pattern.compile("[^A-Za-z0-9._-]");

    private AppNames() {
    }

    /** @param command the {@code sun.java.command} system property: main class or jar, then arguments */
    static String fromCommand(String command) {
        String main = JavaCommand.mainOf(command);
        if (main.isEmpty()) {
            return "unknown";
        }
        String name;
        if (main.endsWith(".jar")) {
            name = main.substring(Math.max(main.lastIndexOf('/'), main.lastIndexOf('\\')) + 1, main.length() - 4);
            name = VERSION_SUFFIX.matcher(name).replaceFirst("");
        } else {
            name = main.substring(main.lastIndexOf('/') + 1);
            name = name.substring(name.lastIndexOf('.') + 1);
        }
        name = NOT_NAME.matcher(name).replaceAll("");
        return name.isEmpty() ? "unknown" : name;
    }
}
