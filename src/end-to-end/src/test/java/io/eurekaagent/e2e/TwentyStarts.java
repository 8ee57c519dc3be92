package io.eurekaagent.e2e;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** Twenty starts of an app whose port the agent must get right every time, and the ports they are given. */
final class TwentyStarts {
    private static final Duration START = ServingPortTest.START;

    private TwentyStarts() {
    }

    /** What one start is: its name and the plain port it must be registered with. */
    interface Start {
        ChildProcess start(String name, int plainPort) throws IOException;
    }

    /**
     * Twenty starts of an app, {@code together} at a time, each under its own name: what went wrong in any (empty: 20
     * of 20). An instance must be registered with its plain port; {@code inASecond}: within a second of the line
     * saying it listens there.
     */
    static List<String> of(EurekaServer eureka, String prefix, int together, boolean inASecond,
            Start start) throws Exception {
        List<String> wrong = new ArrayList<>();
        for (int batch = 0; batch < 20 / together; batch++) {
            List<ChildProcess> processes = new ArrayList<>();
            List<Integer> plainPorts = new ArrayList<>();
            try {
                for (int i = 0; i < together; i++) {
                    int plain = Project.freePort();
                    plainPorts.add(plain);
                    processes.add(start.start(prefix + "-" + (batch * together + i), plain));
                }
                for (int i = 0; i < processes.size(); i++) {
                    String name = (prefix + "-" + (batch * together + i)).toUpperCase();
                    ChildProcess process = processes.get(i);
                    Object port = Registry.awaitInstances(eureka, name, 1, START).get(0).get("port");
                    long listening = process.awaitLine("listening on port " + plainPorts.get(i), START).nanos;
                    long registered = process.awaitLine("[eureka-agent] registered " + name, START).nanos;
                    if (!Map.of("$", plainPorts.get(i), "@enabled", "true").equals(port)) {
                        wrong.add(name + " registered " + port + ":\n" + process.output());
                    } else if (inASecond && registered - listening > 1_000_000_000L) {
                        wrong.add(name + " registered " + (registered - listening) / 1_000_000 + " ms after it"
                                + " listened:\n" + process.output());
                    }
                }
            } finally {
                for (ChildProcess process : processes) {
                    process.stop(START);
                    process.close();
                }
            }
        }
        return wrong;
    }

    static String classes() {
        return Project.root().resolve("src/end-to-end/target/classes").toString();
    }

    /** The ports handed out last, oldest first: apps started together (at most 10) must not get the same one. */
    private static final Set<Integer> TLS_HANDED_OUT = new LinkedHashSet<>();
    private static final int TLS_LOOKING_PORTS = 22;

    /**
     * A free port numbered like a TLS one (10443, 11443 ... 31443: below the ephemeral ports, which any outgoing
     * connection may take), not handed out to an app started beside.
     */
    static synchronized int tlsLookingFreePort() throws IOException {
        if (TLS_HANDED_OUT.size() >= TLS_LOOKING_PORTS / 2) {
            TLS_HANDED_OUT.remove(TLS_HANDED_OUT.iterator().next());
        }
        int first = ThreadLocalRandom.current().nextInt(TLS_LOOKING_PORTS);
        for (int i = 0; i < TLS_LOOKING_PORTS; i++) {
            int port = 10443 + (first + i) % TLS_LOOKING_PORTS * 1000;
            if (!TLS_HANDED_OUT.contains(port) && Project.isFree(port)) {
                TLS_HANDED_OUT.add(port);
                return port;
            }
        }
        throw new IOException("no free port ending in 443 below 32768");
    }
}
