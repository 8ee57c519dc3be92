package io.eurekaagent.instance;

import io.eurekaagent.config.JavaCommand;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The app name to use when none is configured: from the main jar ({@code orders-1.2.0.jar} -> orders) or class, the
 * application jar of a Quarkus fast-jar, or a single-file program's source file. A launcher's own name (Tomcat's
 * {@code Bootstrap}, {@code jboss-modules}) would put every app it starts under one name, so it gives none.
 */
public final class AppNames {
    private static final Pattern VERSION_SUFFIX = Pattern.compile("-\\d[\\w.-]*$");
    private static final Pattern NOT_NAME = Pattern.compile("[^A-Za-z0-9._-]");
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
     * @param command the {@code sun.java.command} system property: main class or jar, then arguments; not a launcher
     *     whose app has no name ({@link #unnamedLauncher})
     */
    /**
     * The name as Eureka keys its applications: upper case, whatever case it was configured, fetched or typed in
     * (the one place that decides it).
     */
    public static String inRegistry(String app) {
        return app.toUpperCase(Locale.ROOT);
    }

    static String fromCommand(String command) {
        String main = JavaCommand.mainOf(command);
        if (main.startsWith(SOURCE_LAUNCHER)) {
            main = JavaCommand.mainOf(command.trim().substring(main.length()));
            return clean(fileName(main).replaceFirst("\\.java$", ""));
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

    private static String fromJar(String jar) {
        String name = jar.substring(0, jar.length() - ".jar".length());
        return clean(VERSION_SUFFIX.matcher(name).replaceFirst(""));
    }

    private static String fileName(String path) {
        return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    }

    private static String clean(String name) {
        String cleaned = NOT_NAME.matcher(name).replaceAll("");
        return cleaned.isEmpty() ? "unknown" : cleaned;
    }
}
