package io.eurekaagent.readiness;

import io.eurekaagent.config.PortPlan;
import io.eurekaagent.config.ReadinessSettings;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Which of the app's server sockets is its serving port, and when it serves, from the binds and accepts it is told of.
 * Apps bind several (management, JMX, debug). A candidate is a bind on a wildcard or non-loopback address, not made
 * by the JDK's JMX/RMI machinery, and the configured port when there is one. It is ready once the app accepts on it
 * (register-on=accept: Tomcat binds during init and accepts only once its webapps are deployed), or once bound
 * (register-on=bind). The first ready candidate wins, except that a TLS-looking port (443, 8443, 9443 ...) is never
 * the plain port while another candidate may still become ready: WildFly binds 8080 and 8443 on two threads at once.
 * Time comes in as a parameter (System.nanoTime values).
 */
final class PortChoice {
    /** How long a ready TLS-looking port waits for another port when none other is bound. */
    static final long TLS_GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);
    /** How long it waits for another bound port to become ready. */
    static final long PLAIN_WAIT_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final PortPlan plan;
    private final boolean onAccept;
    private final Set<Integer> jmxPorts;
    private final List<Candidate> candidates = new ArrayList<>();

    PortChoice(PortPlan plan, boolean onAccept, Set<Integer> jmxPorts) {
        this.plan = plan;
        this.onAccept = onAccept;
        this.jmxPorts = Set.copyOf(jmxPorts);
    }

    static PortChoice of(ReadinessSettings config, Properties systemProperties) {
        return new PortChoice(config.servingPort(), config.registerOn() != ReadinessSettings.RegisterOn.BIND,
                jmxPorts(systemProperties));
    }

    /** For ports found listening (an agent attached late): each counts as ready once bound. */
    static PortChoice forListening(ReadinessSettings config, Properties systemProperties) {
        return new PortChoice(config.servingPort(), false, jmxPorts(systemProperties));
    }

    private static Set<Integer> jmxPorts(Properties systemProperties) {
        Set<Integer> jmx = new HashSet<>();
        for (String key : new String[] {"com.sun.management.jmxremote.port", "com.sun.management.jmxremote.rmi.port"}) {
            try {
                jmx.add(Integer.parseInt(systemProperties.getProperty(key, "").trim()));
            } catch (NumberFormatException e) {
                // not set
            }
        }
        return jmx;
    }

    /**
     * A successful bind.
     * @param byJmx whether the JDK's JMX or RMI code made it
     * @return null when it is a candidate, else why not
     */
    String bound(InetSocketAddress address, String thread, boolean byJmx, long nanos) {
        String rejected = reject(address, byJmx);
        if (rejected == null && find(address.getPort()) == null) {
            candidates.add(new Candidate(address, thread, nanos));
        }
        return rejected;
    }

    /** The app accepts (or is about to) on a socket bound to {@code port}. */
    void accepting(int port, long nanos) {
        Candidate candidate = find(port);
        if (candidate != null && !candidate.accepting) {
            candidate.accepting = true;
            candidate.acceptingNanos = nanos;
        }
    }

    /** The serving port once known, else null (ask again after the next event, or a little later). */
    ServingPort decide(long now) {
        Candidate first = firstReady(false);
        if (first == null) {
            return null;
        }
        String reason = plan.configured()
                ? "the configured " + plan.key()
                : onAccept
                        ? "the first port the app accepts connections on"
                        : "the first port the app bound on a non-loopback address";
        if (plan.configured() || plan.secure() || !looksLikeTls(first.address.getPort())) {
            return first.serving(reason);
        }
        Candidate plain = firstReady(true);
        if (plain != null) {
            return plain.serving(reason + "; " + first.address.getPort() + " looks like a TLS port");
        }
        long wait = TLS_GRACE_NANOS;
        for (Candidate candidate : candidates) {
            if (!looksLikeTls(candidate.address.getPort())) {
                wait = PLAIN_WAIT_NANOS;
            }
        }
        return now - first.readyNanos() >= wait
                ? first.serving(reason + "; it looks like a TLS port, but the app serves no other") : null;
    }

    /** 443, 8443, 9443, 10443 ...: the numbers TLS listeners get by convention. */
    static boolean looksLikeTls(int port) {
        return port % 1000 == 443;
    }

    private String reject(InetSocketAddress bound, boolean byJmx) {
        if (bound.getAddress() != null && bound.getAddress().isLoopbackAddress()) {
            return "loopback only";
        }
        if (plan.configured() && bound.getPort() != plan.port()) {
            return "not " + plan.key() + " (" + plan.port() + ")";
        }
        if (byJmx || jmxPorts.contains(bound.getPort())) {
            return "a JMX/RMI port";
        }
        return null;
    }

    private Candidate firstReady(boolean notTls) {
        Candidate first = null;
        for (Candidate candidate : candidates) {
            boolean ready = candidate.accepting || !onAccept;
            if (ready && !(notTls && looksLikeTls(candidate.address.getPort()))
                    && (first == null || candidate.readyNanos() - first.readyNanos() < 0)) {
                first = candidate;
            }
        }
        return first;
    }

    private Candidate find(int port) {
        for (Candidate candidate : candidates) {
            if (candidate.address.getPort() == port) {
                return candidate;
            }
        }
        return null;
    }

    private final class Candidate {
        final InetSocketAddress address;
        final String thread;
        final long boundNanos;
        boolean accepting;
        long acceptingNanos;

        Candidate(InetSocketAddress address, String thread, long boundNanos) {
            this.address = address;
            this.thread = thread;
            this.boundNanos = boundNanos;
        }

        long readyNanos() {
            return onAccept ? acceptingNanos : boundNanos;
        }

        ServingPort serving(String reason) {
            String accepting =
                    onAccept ? ", accepting " + (acceptingNanos - boundNanos) / 1_000_000 + " ms after its bind" : "";
            return new ServingPort(address.getPort(), reason + " (" + address.getAddress().getHostAddress() + ":"
                    + address.getPort() + ", bound by thread " + thread + accepting + ")", readyNanos());
        }
    }
}
