package io.eurekaagent.readiness;

import io.eurekaagent.config.Catalog;
import io.eurekaagent.config.PortPlan;
import io.eurekaagent.config.ReadinessSettings;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Which of the app's server sockets is its serving port, and when it serves: the one place that decides, from the
 * binds, accepts and listening sockets it is told of. Apps open several (admin, management, metrics, TLS, JMX, AJP).
 * A candidate is a bind on a wildcard or non-loopback address, not made by the JDK's JMX/RMI machinery, and the
 * configured port when there is one. It is ready once the app accepts on it (register-on=accept: Tomcat binds during
 * init and accepts only once its webapps are deployed), once bound (register-on=bind), or when found listening (a
 * port bound in native code, or every port of a JVM attached to late).
 * <p>Candidates rank: serving ports first, then TLS-looking ones (443, 8443 ...: WildFly binds 8080 and 8443 on two
 * threads at once), then management ones (a port named by the framework's management setting, or whose threads are
 * named admin, management, actuator, metrics, prometheus or AJP: Dropwizard's admin connector). A ready candidate of a
 * lower rank waits for a better one bound beside it (30 s), or 2 s when none is. The first ready candidate also waits
 * up to 100 ms for ports bound together with it, to see what they are; of ports ready together the lower wins.
 * Time comes in as a parameter (System.nanoTime values).
 */
final class PortChoice {
    /** How long a ready port of a lower rank waits for a better one when none is bound. */
    static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);
    /** How long it waits for a better port that is bound to become ready. */
    static final long BETTER_WAIT_NANOS = TimeUnit.SECONDS.toNanos(30);
    /** How long the first ready port waits for ports bound together with it; ports ready this close are together. */
    static final long TOGETHER_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long BOUND_TOGETHER_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final Map<String, String> MANAGEMENT_WORDS = Map.of("admin", "an admin port", "management",
            "a management port", "actuator", "a management port", "metrics", "a metrics port", "prometheus",
            "a metrics port", "ajp", "an AJP port");

    /** The ranks, best first. */
    private enum Rank { SERVING, TLS_LOOKING, MANAGEMENT }

    private final PortPlan plan;
    private final boolean onAccept;
    private final Set<Integer> jmxPorts;
    private final Map<Integer, String> managementPorts;
    private final Set<Integer> reported = new HashSet<>();
    private final List<Candidate> candidates = new ArrayList<>();

    /** @param managementPorts ports a framework setting names as management ones, with that setting's name */
    PortChoice(PortPlan plan, boolean onAccept, Set<Integer> jmxPorts, Map<Integer, String> managementPorts) {
        this.plan = plan;
        this.onAccept = onAccept;
        this.jmxPorts = Set.copyOf(jmxPorts);
        this.managementPorts = Map.copyOf(managementPorts);
    }

    static PortChoice of(ReadinessSettings config, Properties systemProperties) {
        return new PortChoice(config.portPlan(), config.get(Catalog.REGISTER_ON) != ReadinessSettings.RegisterOn.BIND,
                jmxPorts(systemProperties), config.managementPorts());
    }

    /** For ports found listening (an agent attached late): each counts as ready once bound. */
    static PortChoice forListening(ReadinessSettings config, Properties systemProperties) {
        return new PortChoice(config.portPlan(), false, jmxPorts(systemProperties), config.managementPorts());
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
     * A bind the hooks saw.
     * @param byJmx whether the JDK's JMX or RMI code made it
     * @return null when this port was reported before, else what it is: "a candidate" or why it is not one
     */
    String bound(InetSocketAddress address, String thread, boolean byJmx, long nanos) {
        if (!reported.add(address.getPort())) {
            return null;
        }
        String rejected = reject(address, byJmx);
        if (rejected != null) {
            return "not a candidate: " + rejected;
        }
        candidates.add(new Candidate(address, thread, nanos, null));
        return "a candidate";
    }

    /**
     * The app accepts (or is about to) on a socket bound to {@code port}, on {@code thread}; an interest in accepting
     * registered before the bind counts from the bind.
     */
    void accepting(int port, String thread, long nanos) {
        Candidate candidate = find(port);
        if (candidate != null && !candidate.accepting) {
            candidate.accepting = true;
            candidate.acceptThread = thread;
            candidate.acceptingNanos = Math.max(nanos, candidate.boundNanos);
        }
    }

    /**
     * A socket found listening, bound where the hooks do not see (native code, or before the agent was attached): a
     * candidate, ready at once, unless the hooks reported its port.
     * @param how how it was found, for the log line
     * @param thread a thread whose name mentions the port (a server's acceptor), or null
     * @return whether it became a candidate
     */
    boolean listening(InetSocketAddress address, String how, String thread, long nanos) {
        if (reported.contains(address.getPort()) || find(address.getPort()) != null
                || reject(address, false) != null) {
            return false;
        }
        Candidate candidate = new Candidate(address, null, nanos, how);
        candidate.acceptThread = thread;
        candidate.accepting = true;
        candidate.acceptingNanos = nanos;
        candidates.add(candidate);
        return true;
    }

    /** Whether the hooks reported a bind of {@code port}, candidate or not. */
    boolean knows(int port) {
        return reported.contains(port);
    }

    /** Whether a candidate port is bound, ready or not. */
    boolean anyCandidate() {
        return !candidates.isEmpty();
    }

    /** The serving port once known, else null (ask again after the next event, or a little later). */
    ReadyPort decide(long now) {
        Candidate pick = null;
        for (Candidate candidate : candidates) {
            if (candidate.ready() && (pick == null || candidate.rank().compareTo(pick.rank()) < 0
                    || candidate.rank() == pick.rank() && candidate.readyNanos() - pick.readyNanos() < 0)) {
                pick = candidate;
            }
        }
        if (pick == null || !plan.configured() && mustWait(pick, now)) {
            return null;
        }
        // Of the ports of its rank ready together with it, the lower.
        Candidate first = pick;
        for (Candidate candidate : candidates) {
            if (candidate.ready() && candidate.rank() == first.rank()
                    && Math.abs(candidate.readyNanos() - first.readyNanos()) <= TOGETHER_NANOS
                    && candidate.address.getPort() < pick.address.getPort()) {
                pick = candidate;
            }
        }
        return serving(pick);
    }

    private boolean mustWait(Candidate pick, long now) {
        boolean betterBound = false;
        boolean boundTogether = false;
        for (Candidate candidate : candidates) {
            if (!candidate.ready()) {
                betterBound |= candidate.rank().compareTo(pick.rank()) < 0;
                boundTogether |= Math.abs(candidate.boundNanos - pick.boundNanos) <= BOUND_TOGETHER_NANOS;
            }
        }
        long waited = now - pick.readyNanos();
        return pick.rank() != Rank.SERVING && waited < (betterBound ? BETTER_WAIT_NANOS : GRACE_NANOS)
                || boundTogether && waited < TOGETHER_NANOS;
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
        return byJmx || jmxPorts.contains(bound.getPort()) ? "a JMX/RMI port" : null;
    }

    private Candidate find(int port) {
        for (Candidate candidate : candidates) {
            if (candidate.address.getPort() == port) {
                return candidate;
            }
        }
        return null;
    }

    private ReadyPort serving(Candidate chosen) {
        String reason = plan.configured() ? "the configured " + plan.key()
                : chosen.foundHow != null ? "a port the app listens on"
                : onAccept ? "the first port the app accepts connections on"
                : "the first port the app bound on a non-loopback address";
        StringBuilder how = new StringBuilder(reason).append(" (").append(chosen.describe()).append(')');
        int managementPort = 0;
        for (Candidate other : candidates) {
            if (other == chosen) {
                continue;
            }
            String why = !other.ready() ? "bound, not accepting connections yet"
                    : other.rank() != chosen.rank() ? other.rankReason()
                    : "ready together with it, a higher port";
            how.append("; not ").append(other.address.getPort()).append(": ").append(why);
            if (other.rank() == Rank.MANAGEMENT && managementPort == 0) {
                managementPort = other.address.getPort();
            }
        }
        return new ReadyPort(chosen.address.getPort(), how.toString(), chosen.readyNanos(), managementPort);
    }

    /** What a thread's name says of the port it serves: "an admin port" for {@code dw-admin-30-acceptor-0@...}. */
    static String managementRole(String thread) {
        if (thread == null) {
            return null;
        }
        // Word by word, split by hand: a regex split costs ~3 ms cold, as the app starts.
        String name = thread.toLowerCase(Locale.ROOT);
        int start = 0;
        for (int i = 0; i <= name.length(); i++) {
            if (i == name.length() || !isWordChar(name.charAt(i))) {
                String role = i > start ? MANAGEMENT_WORDS.get(name.substring(start, i)) : null;
                if (role != null) {
                    return role;
                }
                start = i + 1;
            }
        }
        return null;
    }

    private static boolean isWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    private final class Candidate {
        final InetSocketAddress address;
        final String bindThread;
        final long boundNanos;
        /** How it was found when not by the hooks (listening), else null. */
        final String foundHow;
        boolean accepting;
        String acceptThread;
        long acceptingNanos;

        Candidate(InetSocketAddress address, String bindThread, long boundNanos, String foundHow) {
            this.address = address;
            this.bindThread = bindThread;
            this.boundNanos = boundNanos;
            this.foundHow = foundHow;
        }

        boolean ready() {
            return accepting || !onAccept;
        }

        long readyNanos() {
            return onAccept || foundHow != null ? acceptingNanos : boundNanos;
        }

        Rank rank() {
            if (plan.configured()) {
                return Rank.SERVING;
            }
            if (managementReason() != null) {
                return Rank.MANAGEMENT;
            }
            return !plan.secure() && looksLikeTls(address.getPort()) ? Rank.TLS_LOOKING : Rank.SERVING;
        }

        /** Why this port ranks below a serving one, or null. */
        String rankReason() {
            String management = managementReason();
            return management != null ? management
                    : !plan.secure() && looksLikeTls(address.getPort()) ? "looks like a TLS port" : null;
        }

        /** Why this port serves management rather than callers (a framework setting, a thread's name), or null. */
        private String managementReason() {
            String setting = managementPorts.get(address.getPort());
            if (setting != null) {
                return "the management port (" + setting + ")";
            }
            String role = managementRole(acceptThread);
            if (role != null) {
                return role + " (" + (foundHow == null ? "accepting thread " : "thread ") + acceptThread + ")";
            }
            role = managementRole(bindThread);
            return role != null ? role + " (bound by thread " + bindThread + ")" : null;
        }

        String describe() {
            String where = address.getAddress().getHostAddress() + ":" + address.getPort();
            if (foundHow != null) {
                return where + ", " + foundHow;
            }
            return where + ", bound by thread " + bindThread + (onAccept ? ", accepting "
                    + (acceptingNanos - boundNanos) / 1_000_000 + " ms after its bind" : "");
        }
    }
}
