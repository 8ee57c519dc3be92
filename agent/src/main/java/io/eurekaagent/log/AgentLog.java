package io.eurekaagent.log;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.util.regex.Pattern;

/**
 * The agent's only output: one line per event on the process's standard error, prefixed {@code [eureka-agent]}.
 * Not java.util.logging or System.Logger: initialising JUL from premain breaks apps that install their own
 * LogManager (WildFly), and JUL's handlers may already be closed when our shutdown hook runs.
 * Not {@code System.err} either: app servers replace it after boot and log what it gets as ERROR (WildFly's
 * {@code ERROR [stderr]}); file descriptor 2 stays the one the JVM was started with.
 */
public final class AgentLog {
    private static final String PREFIX = "[eureka-agent] ";
    private static volatile boolean debug;
    private static volatile PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.err), true);

    private AgentLog() {
    }

    public static void setDebug(boolean enabled) {
        debug = enabled;
    }

    public static boolean isDebug() {
        return debug;
    }

    /** Sends the agent's lines to {@code stream} instead (tests read them); returns where they went before. */
    public static PrintStream writeTo(PrintStream stream) {
        PrintStream previous = out;
        out = stream;
        return previous;
    }

    public static void info(String message) {
        out.println(PREFIX + mask(message));
    }

    public static void warn(String message) {
        out.println(PREFIX + "WARN " + mask(message));
    }

    public static void debug(String message) {
        if (debug) {
            out.println(PREFIX + "DEBUG " + mask(message));
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
