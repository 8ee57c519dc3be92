package io.eurekaagent.instance;

import java.io.File;

/**
 * A Quarkus fast-jar is started as {@code quarkus-app/quarkus-run.jar}; the application's own jar, named after its
 * artifact, lies in {@code quarkus-app/app/} ({@code orders-1.0.jar}).
 */
final class QuarkusFastJar {
    static final String RUN_JAR = "quarkus-run.jar";

    private QuarkusFastJar() {
    }

    /** The fast-jar's library folder ({@code quarkus-app/lib/main}) when {@code main} is its run jar, else null. */
    static String libOf(String main) {
        if (!new File(main).getName().equals(RUN_JAR)) {
            return null;
        }
        File lib = new File(new File(main).getAbsoluteFile().getParentFile(), "lib/main");
        return lib.isDirectory() ? lib.getPath() : null;
    }

    /** Whether the app has an extension: its runtime jar, {@code io.quarkus.<extension>-<version>.jar}, is in lib. */
    static boolean hasExtension(String lib, String extension) {
        String[] files = new File(lib).list();
        String prefix = "io.quarkus." + extension + "-";
        for (String file : files == null ? new String[0] : files) {
            if (file.startsWith(prefix) && file.length() > prefix.length()
                    && Character.isDigit(file.charAt(prefix.length()))) {
                return true;
            }
        }
        return false;
    }

    /** The application jar's file name, or null when there is not exactly one. No lambda: this runs in premain. */
    static String appJar(String runJar) {
        String[] files = new File(new File(runJar).getAbsoluteFile().getParentFile(), "app").list();
        String found = null;
        for (String file : files == null ? new String[0] : files) {
            if (file.endsWith(".jar")) {
                if (found != null) {
                    return null;
                }
                found = file;
            }
        }
        return found;
    }
}
