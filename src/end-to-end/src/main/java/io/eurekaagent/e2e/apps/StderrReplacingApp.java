package io.eurekaagent.e2e.apps;

import java.io.IOException;
import java.io.PrintStream;

/**
 * Replaces System.err as WildFly does after boot, whose logging then writes every line it gets at ERROR, then runs
 * {@link SocketApp}: what the agent writes after this must not go through the app's stream.
 */
public final class StderrReplacingApp {
    private StderrReplacingApp() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream original = System.out;
        System.setErr(new PrintStream(original, true) {
            @Override
            public void println(String line) {
                super.println("ERROR [stderr] " + line);
            }
        });
        SocketApp.main(args);
    }
}
