package io.eurekaagent.e2e.apps;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * An app that installs its own JUL LogManager as WildFly's launcher does, by setting java.util.logging.manager in
 * main: it refuses to start if anything initialised java.util.logging before, as an agent touching JUL would
 * (WildFly then fails with WFLYLOG0078).
 */
public final class JulManagerApp {
    /** The app's LogManager. */
    public static final class AppLogManager extends LogManager {
    }

    private JulManagerApp() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("java.util.logging.manager", AppLogManager.class.getName());
        if (!(LogManager.getLogManager() instanceof AppLogManager)) {
            System.out.println("jul-app: the LogManager is "
                    + LogManager.getLogManager().getClass().getName() + ", not mine");
            System.exit(3);
        }
        Logger.getLogger("jul-app").info("logging through the app's own LogManager");
        ServerSocket server = new ServerSocket(0);
        System.out.println("jul-app listening on port " + server.getLocalPort());
        while (true) {
            server.accept().close();
        }
    }
}
