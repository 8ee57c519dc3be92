package io.eurekaagent.log;

import java.util.regex.Pattern;

/**
 * The agent's only output: one line per event on stderr, prefixed {@code [eureka-agent]}.
 * Not java.util.logging or System.Logger: initialising JUL from premain breaks apps that install their own
 * LogManager (WildFly), and JUL's handlers may already be closed when our shutdown hook runs.
 */
public final class AgentLog {
    private static final String PREFIX = "[eureka-agent] ";
    private static volatile boolean debug;

    private AgentLog() {
    }

    public static void setDebug(boolean enabled) {
        debug = enabled;
    }

    public static boolean isDebug() {
        return debug;
    }

    public static void info(String message) {
        System.err.println(PREFIX + mask(message));
    }

    public static void warn(String message) {
        System.err.println(PREFIX + "WARN " + mask(message));
    }

    public static void debug(String message) {
        if (debug) {
            System.err.println(PREFIX + "DEBUG " + mask(message));
        }
    }

    /** Replaces the password of every {@code scheme://user:password@} in the text by {@code ****}. */
    public static String mask(String text) {
        return text == null || !text.contains("@") ? text : Passwords.IN_URL.matcher(text).replaceAll("$1****@");
    }

    /** Compiled on first use, not in premain. */
    private static final class Passwords {
        static final Pattern IN_URL = Pattern.compile("(://[^/:@\\s]*:)[^@/\\s]*@");
    }
}
