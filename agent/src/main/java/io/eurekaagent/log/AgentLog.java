package io.eurekaagent.log;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * The agent's only output: one line per event on the process's standard error, prefixed {@code [eureka-agent]}
 * (after a UTC timestamp, or as JSON: {@link LogFormat}).
 * Not java.util.logging or System.Logger: initialising JUL from premain breaks apps that install their own
 * LogManager (WildFly), and JUL's handlers may already be closed when our shutdown hook runs.
 * Not {@code System.err} either: app servers replace it after boot and log what it gets as ERROR (WildFly's
 * {@code ERROR [stderr]}); file descriptor 2 stays the one the JVM was started with.
 */
public final class AgentLog {
    private static final String PREFIX = "[eureka-agent] ";
    private static volatile boolean debug;
    private static volatile LogFormat format = LogFormat.TIMESTAMPED;
    /** Said before the first line, then null: in a JVM with the agent, which agent it is. */
    private static final AtomicReference<String> HEADER = new AtomicReference<>();
    private static volatile PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.err), true);

    private AgentLog() {
    }

    public static void setDebug(boolean enabled) {
        debug = enabled;
    }

    public static boolean isDebug() {
        return debug;
    }

    public static void setFormat(LogFormat chosen) {
        format = chosen;
    }

    /** {@code line} goes out before the agent's first line, if it has not said one yet. */
    public static void beginWith(String line) {
        HEADER.set(line);
    }

    /** Sends the agent's lines to {@code stream} instead (tests read them); returns where they went before. */
    public static PrintStream writeTo(PrintStream stream) {
        PrintStream previous = out;
        out = stream;
        return previous;
    }

    public static void info(String message) {
        write("INFO", message);
    }

    public static void warn(String message) {
        write("WARN", message);
    }

    public static void debug(String message) {
        if (debug) {
            write("DEBUG", message);
        }
    }

    private static void write(String level, String message) {
        String header = HEADER.getAndSet(null);
        if (header != null) {
            print("INFO", header);
        }
        print(level, message);
    }

    /** One write per line, so that no other writer of the stream can come between its text and its end. */
    private static void print(String level, String message) {
        String start = ConsoleNeighbour.leavesLinesOpen() ? System.lineSeparator() : "";
        String text = oneLine(mask(message));
        String plain = PREFIX + (level.equals("INFO") ? "" : level + " ") + text;
        LogFormat shape = format;
        String line = shape == LogFormat.PLAIN ? plain
                : shape == LogFormat.TIMESTAMPED ? UtcTimestamp.of(System.currentTimeMillis()) + " " + plain
                : "{\"timestamp\":\"" + UtcTimestamp.of(System.currentTimeMillis()) + "\",\"level\":\"" + level
                        + "\",\"logger\":\"eureka-agent\",\"message\":\"" + jsonEscaped(text) + "\"}";
        out.print(start + line + System.lineSeparator());
    }

    /** Quotes and backslashes escaped; control characters are escaped already ({@link #oneLine}). */
    private static String jsonEscaped(String text) {
        return text.indexOf('"') < 0 && text.indexOf('\\') < 0 ? text
                : text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /**
     * {@code text} with its control characters escaped ({@code \n}, {@code \r}, {@code \t}, else {@code \u001b}):
     * a value or an exception message holding a line break (Jackson's "...\n at [Source...") must not split an
     * event in two, nor an escape sequence reach the terminal.
     */
    public static String oneLine(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder line = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isISOControl(c)) {
                if (line != null) {
                    line.append(c);
                }
                continue;
            }
            if (line == null) {
                line = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            String hex = Integer.toHexString(c);
            line.append(c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t"
                    : "\\u" + "0000".substring(hex.length()) + hex);
        }
        return line == null ? text : line.toString();
    }

    /**
     * The one masking rule for every line: the password of every {@code scheme://user:password@} (up to the last
     * {@code @} before the next URL, so a password holding {@code / , @} or a space is masked whole, even in a value
     * that is not a valid URL), the credentials of every {@code Basic}/{@code Bearer} value (a server that echoes the
     * request's {@code Authorization} header), and each value registered with {@link #addSecret}.
     */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = text.indexOf('@') < 0 ? text : maskUserInfo(text);
        for (String secret : SECRETS) {
            masked = masked.replace(secret, "****");
        }
        return mayHoldCredentials(masked) ? Credentials.SCHEME.matcher(masked).replaceAll("$1 ****") : masked;
    }

    /** A cheap look first: most lines name no scheme, and the expression costs the first line a few ms. */
    private static boolean mayHoldCredentials(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("basic") || lower.contains("bearer") || lower.contains("digest");
    }

    /** A password or token the agent holds (a service URL's, a key store's): never printed, whatever the line. */
    public static void addSecret(String secret) {
        addSecret(secret, 3);
    }

    /**
     * A URL's credentials in every form a server may echo them (issue 21): the password as written (percent-encoded)
     * and decoded, form- and percent-encoded again, {@code user:password} raw, encoded and in Base64 (the Basic
     * token), and what follows each special character of the password (a server that split it there).
     * @param user and {@code password} decoded; {@code rawPassword} as written in the URL
     */
    public static void addCredentials(String user, String password, String rawPassword) {
        String both = user + ":" + password;
        addSecret(password);
        addSecret(rawPassword);
        addSecret(both);
        addSecret(Base64.getEncoder().encodeToString(both.getBytes(StandardCharsets.UTF_8)));
        for (String form : new String[] {password, both}) {
            String encoded = URLEncoder.encode(form, StandardCharsets.UTF_8);
            addSecret(encoded);
            addSecret(encoded.replace("+", "%20"));
        }
        for (int i = 0; i < password.length(); i++) {
            if (!Character.isLetterOrDigit(password.charAt(i))) {
                // A piece shorter than 4 would mask ordinary words of other lines.
                addSecret(password.substring(i + 1), 4);
            }
        }
    }

    private static void addSecret(String secret, int shortest) {
        if (secret == null || secret.length() < shortest) {
            return;
        }
        synchronized (SECRETS) {
            if (SECRETS.contains(secret)) {
                return;
            }
            // Longest first: a piece of a password masked before the whole would leave the rest of it in the line.
            int at = 0;
            while (at < SECRETS.size() && SECRETS.get(at).length() >= secret.length()) {
                at++;
            }
            SECRETS.add(at, secret);
        }
    }

    private static final List<String> SECRETS = new CopyOnWriteArrayList<>();

    private static String maskUserInfo(String text) {
        StringBuilder masked = new StringBuilder(text.length());
        int copied = 0;
        for (int scheme = text.indexOf("://"); scheme >= 0; scheme = text.indexOf("://", scheme + 3)) {
            int authority = scheme + 3;
            int next = text.indexOf("://", authority);
            int at = text.lastIndexOf('@', (next < 0 ? text.length() : next) - 1);
            int colon = text.indexOf(':', authority);
            if (at > authority && colon >= 0 && colon < at) {
                masked.append(text, copied, colon + 1).append("****");
                copied = at;
            }
        }
        return masked.append(text, copied, text.length()).toString();
    }

    /** Compiled on first use, not in premain. */
    private static final class Credentials {
        static final Pattern SCHEME = Pattern.compile("(?i)\\b(basic|bearer|digest)\\s+[A-Za-z0-9+/=._~-]{6,}");
    }
}
