package io.eurekaagent.instance;

import io.eurekaagent.config.JavaCommand;
import java.util.Locale;

/**
 * The app name to use when none is configured: from the main jar ({@code orders-1.2.0.jar} -> orders) or class, the
 * application jar of a Quarkus fast-jar, or a single-file program's source file. A launcher's own name (Tomcat's
 * {@code Bootstrap}, {@code jboss-modules}) would put every app it starts under one name, so it gives none.
 * No regular expressions: premain loads this class, and a JVM's first pattern costs it milliseconds.
 */
public final class AppNames {
    /** Main classes and jars that start someone else's app, and what they are called. */
    private static final String[][] LAUNCHERS = {
        {"org.apache.catalina.startup.Bootstrap", "Tomcat"},
        {"org.apache.catalina.startup.Catalina", "Tomcat"},
        {"jboss-modules.jar", "WildFly / JBoss"},
        {"org.jboss.modules.Main", "WildFly / JBoss"},
        {"org.springframework.boot.loader.", "Spring Boot's launcher"},
        {"start.jar", "Jetty's start.jar"},
        {"org.eclipse.jetty.start.Main", "Jetty's start.jar"},
        {"com.sun.enterprise.glassfish.bootstrap.ASMain", "GlassFish / Payara"},
    };
    /** The JDK's source launcher: {@code java Main.java} (JDK 22+: SourceLauncher). */
    private static final String SOURCE_LAUNCHER = "jdk.compiler/com.sun.tools.javac.launcher.";

    private AppNames() {
    }

    /**
     * The name as Eureka keys its applications: upper case, whatever case it was configured, fetched or typed in
     * (the one place that decides it).
     */
    public static String inRegistry(String app) {
        return app.toUpperCase(Locale.ROOT);
    }

    /**
     * @param command the {@code sun.java.command} system property: main class or jar, then arguments; not a launcher
     *     whose app has no name ({@link #unnamedLauncher})
     */
    static String fromCommand(String command) {
        String main = JavaCommand.mainOf(command);
        if (main.startsWith(SOURCE_LAUNCHER)) {
            main = JavaCommand.mainOf(command.trim().substring(main.length()));
            String file = fileName(main);
            return clean(file.endsWith(".java") ? file.substring(0, file.length() - ".java".length()) : file);
        }
        if (fileName(main).equals(QuarkusFastJar.RUN_JAR)) {
            main = String.valueOf(QuarkusFastJar.appJar(main));
        }
        if (main.endsWith(".jar")) {
            return fromJar(fileName(main));
        }
        String name = main.substring(main.lastIndexOf('/') + 1);
        return clean(name.substring(name.lastIndexOf('.') + 1));
    }

    /**
     * Plain string work, in premain: the launcher {@code command} runs when its app cannot be named from the command
     * (for the line that asks for a name), or null.
     */
    public static String unnamedLauncher(String command) {
        String main = JavaCommand.mainOf(command);
        String file = fileName(main);
        if (file.equals(QuarkusFastJar.RUN_JAR)) {
            return QuarkusFastJar.appJar(main) == null
                    ? "a Quarkus fast-jar without one jar in quarkus-app/app/"
                    : null;
        }
        for (String[] launcher : LAUNCHERS) {
            boolean matches = launcher[0].endsWith(".jar") ? file.equals(launcher[0])
                    : launcher[0].endsWith(".") ? main.startsWith(launcher[0]) : main.equals(launcher[0]);
            if (matches) {
                return launcher[1];
            }
        }
        return null;
    }

    /** Whether {@code main} is the JDK's source launcher, which runs a program, not a JDK tool. */
    public static boolean isSourceLauncher(String main) {
        return main.startsWith(SOURCE_LAUNCHER);
    }

    /** The jar's name without {@code .jar} and a version suffix: a dash, a digit, then name characters. */
    private static String fromJar(String jar) {
        String name = jar.substring(0, jar.length() - ".jar".length());
        for (int dash = name.indexOf('-'); dash >= 0; dash = name.indexOf('-', dash + 1)) {
            if (dash + 1 < name.length() && isDigit(name.charAt(dash + 1)) && versionChars(name, dash + 2)) {
                return clean(name.substring(0, dash));
            }
        }
        return clean(name);
    }

    /** Whether the name from {@code from} on is letters, digits, underscores, dots and dashes only. */
    private static boolean versionChars(String name, int from) {
        for (int i = from; i < name.length(); i++) {
            if (!isNameChar(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String fileName(String path) {
        return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    }

    /** Only letters, digits, dots, underscores and dashes. */
    private static String clean(String name) {
        StringBuilder cleaned = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            if (isNameChar(name.charAt(i))) {
                cleaned.append(name.charAt(i));
            }
        }
        return cleaned.length() == 0 ? "unknown" : cleaned.toString();
    }

    private static boolean isNameChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || isDigit(c) || c == '.' || c == '_' || c == '-';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
