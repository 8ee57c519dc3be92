package io.eurekaagent.jdk;

import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The java.base packages the agent reaches into, opened once, in one call: the JDK's redefineModule runs cold code
 * and lambdas, a few ms a call on the app's start. {@code sun.nio.ch} for the hooks (and exported to java.net.http,
 * whose rewritten code calls the name hook); the HTTP packages for the cookie handler of the agent's own connections
 * and the connect retry of calls by name. Opened to the agent's module only.
 */
public final class JdkPackages {
    private static volatile boolean open;

    private JdkPackages() {
    }

    /** Opens them, once per JVM. */
    public static synchronized void open(Instrumentation instrumentation) {
        if (open) {
            return;
        }
        Module javaBase = Object.class.getModule();
        Set<Module> agent = Set.of(JdkPackages.class.getModule());
        // No lambda here: this runs while the app starts, and a JVM's first lambda costs ~10 ms of CPU.
        Optional<Module> http = ModuleLayer.boot().findModule("java.net.http");
        Set<Module> httpClient = http.isPresent() ? Set.of(http.get()) : Set.of();
        instrumentation.redefineModule(javaBase, Set.of(), Map.of("sun.nio.ch", httpClient),
                Map.of("sun.nio.ch", agent, "sun.net.www.http", agent, "sun.net.www.protocol.http", agent,
                        "sun.net.www.protocol.https", agent),
                Set.of(), Map.of());
        open = true;
    }
}
