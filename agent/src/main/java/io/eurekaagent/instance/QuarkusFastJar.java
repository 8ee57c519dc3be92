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
