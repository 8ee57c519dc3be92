package io.eurekaagent.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agent against a two-peer Eureka cluster that fails in every way a real one does, with figures: for each fault,
 * how long until the instance is registered (or renewed) again, how long no live server listed it, and the most
 * copies of it any server held. With {@code -Dsoak.minutes=N} it then keeps injecting faults with a 1 s heartbeat
 * and prints the app's threads and heap (after a full GC) each minute. Run it with
 * {@code mvn -B -q package -DskipTests && java -Dsoak.minutes=3 -cp src/end-to-end/target/classes
 * io.eurekaagent.e2e.FaultRun}.
 */
public final class FaultRun {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String APP = "FAULTY";
    private static final int LEASE_SECONDS = 3;
    private static final Pattern INSTANCE = Pattern.compile("\"instanceId\"");
    private static final Pattern RENEWED = Pattern.compile("\"lastRenewalTimestamp\":(\\d+)");

    private final List<EurekaServer> peers;
    private final List<EurekaServer> live = new CopyOnWriteArrayList<>();
    private final int port = Project.freePort();
    private volatile long missingSamples;
    private volatile int mostCopies;
    private ChildProcess app;

    private FaultRun(List<EurekaServer> peers) {
        this.peers = peers;
    }

    public static void main(String[] args) throws Exception {
        List<EurekaServer> peers = EurekaServer.unstartedPeers();
        FaultRun run = new FaultRun(peers);
        try {
            run.faults();
            int minutes = Integer.getInteger("soak.minutes", 0);
            if (minutes > 0) {
                run.soak(minutes);
            }
            run.app.stop(TIMEOUT);
        } finally {
            for (EurekaServer peer : peers) {
                peer.close();
            }
            if (run.app != null) {
                run.app.close();
            }
        }
    }

    private void faults() throws Exception {
        System.out.printf(
                "%-58s %14s %10s %7s%n",
                "fault (two replicating peers, heartbeat 1 s)", "back after ms", "unlisted ms", "copies");
        long start = System.nanoTime();
        app = faultyApp();
        app.awaitLine("listening on port", TIMEOUT);
        long serving = System.nanoTime();
        peers.get(0).startAgain();
        live.add(peers.get(0));
        long up = peers.get(0).answeringSinceNanos();
        report(
                "Eureka down at start (app served after " + ms(serving - start) + " ms)",
                ms(awaitListedOn(peers.get(0)) - up));
        // The second peer learns of the instance by replication from the first.
        peers.get(1).startAgain();
        live.add(peers.get(1));
        awaitListedOn(peers.get(1));
        startMonitor();
        peerFaults(peers.get(0), peers.get(1));
        clusterRestart();
    }

    private ChildProcess faultyApp() throws IOException {
        return new AgentApp()
                .env("PORT", Integer.toString(port))
                .property(
                        "eureka.client.service-url.defaultZone",
                        peers.get(0).serviceUrl() + "," + peers.get(1).serviceUrl())
                .property("eureka.instance.appname", APP.toLowerCase(Locale.ROOT))
                .property("eureka.instance.hostname", "localhost")
                .property("eureka.instance.ip-address", "127.0.0.1")
                .property("eureka.instance.lease-renewal-interval-in-seconds", "1")
                .property("eureka.instance.lease-expiration-duration-in-seconds", Integer.toString(LEASE_SECONDS))
                .property("eureka.client.eureka-server-connect-timeout-seconds", "1")
                .property("eureka.client.eureka-server-read-timeout-seconds", "1")
                .property("eureka.agent.server-quarantine-seconds", "5")
                .start("faulty");
    }

    private void peerFaults(EurekaServer inUse, EurekaServer other) throws Exception {
        long killed = System.nanoTime();
        live.remove(inUse);
        inUse.process().signal("KILL");
        report(
                "peer in use killed (kill -9): renewing through the other",
                ms(awaitRenewalSince(other, killed) - killed));

        inUse.startAgain();
        live.add(inUse);
        long back = inUse.answeringSinceNanos();
        report("killed peer restarted empty: listed on it again", ms(awaitListedOn(inUse) - back));

        // The agent goes back to its first server once that one's quarantine is over. Stall it only then: stalling the
        // other while that switch is due would time a switch, not a failover away from a stalled server.
        app.awaitLine("now using " + inUse.serviceUrl(), TIMEOUT);
        EurekaServer stalled = inUse;
        EurekaServer survivor = other;
        long stop = System.nanoTime();
        live.remove(stalled);
        stalled.process().signal("STOP");
        report(
                "peer in use stalled (kill -STOP): renewing through the other",
                ms(awaitRenewalSince(survivor, stop) - stop));
        stalled.process().signal("CONT");
        live.add(stalled);
    }

    private void clusterRestart() throws Exception {
        live.clear();
        for (EurekaServer peer : peers) {
            peer.stop();
        }
        peers.get(0).startAgain();
        live.add(peers.get(0));
        report(
                "whole cluster restarted empty: registered again",
                ms(awaitListedOn(peers.get(0)) - peers.get(0).answeringSinceNanos()));
        peers.get(1).startAgain();
        live.add(peers.get(1));
        long duplicated = app.output().lines().filter(line -> line.contains("] registered")).count();
        System.out.println("agent lines: "
                + app.output()
                        .lines()
                        .filter(line -> line.contains("[eureka-agent]"))
                        .count() + " (registrations logged: " + duplicated + ")");
    }

    private void soak(int minutes) throws Exception {
        System.out.printf(
                "%nsoak: %d min, heartbeat 1 s, a fault every 20 s (stop/start a peer, then stall/resume one)%n",
                minutes);
        System.out.printf(
                "%-8s %8s %14s %18s %12s %12s%n",
                "minute", "threads", "agent threads", "heap after GC KB", "unlisted ms", "copies");
        sample(0);
        long begin = System.nanoTime();
        int fault = 0;
        for (int minute = 1; minute <= minutes; minute++) {
            long minuteEnd = begin + Duration.ofMinutes(minute).toNanos();
            while (System.nanoTime() < minuteEnd - Duration.ofSeconds(20).toNanos()) {
                inject(peers.get(fault % 2), fault % 4 < 2);
                fault++;
            }
            Thread.sleep(Math.max(0, (minuteEnd - System.nanoTime()) / 1_000_000));
            sample(minute);
        }
    }

    /** Ten seconds of one peer stopped (then started again, empty) or stalled (then resumed), then 5 s of calm. */
    private void inject(EurekaServer victim, boolean stop) throws Exception {
        live.remove(victim);
        if (stop) {
            victim.stop();
            Thread.sleep(10_000);
            victim.startAgain();
        } else {
            victim.process().signal("STOP");
            Thread.sleep(10_000);
            victim.process().signal("CONT");
        }
        live.add(victim);
        Thread.sleep(5_000);
    }

    private void sample(int minute) throws IOException, InterruptedException {
        long heap = Jcmd.liveHeapKb(app.pid());
        String threads = Files.readAllLines(Path.of("/proc/" + app.pid() + "/status")).stream()
                .filter(line -> line.startsWith("Threads:")).findFirst().orElse("Threads: ?").substring(8).trim();
        long agentThreads = Jcmd.run(app.pid(), "Thread.print")
                .lines()
                .filter(line -> line.startsWith("\"eureka-agent-"))
                .count();
        System.out.printf("%-8d %8s %14d %18s %12d %12d%n", minute, threads, agentThreads, Long.toString(heap),
                missingSamples * 100, mostCopies);
        missingSamples = 0;
    }

    /** Samples every 100 ms: is the instance listed on some live server, and in how many copies at most. */
    private void startMonitor() {
        Thread monitor = new Thread(() -> {
            while (true) {
                boolean listed = live.isEmpty();
                for (EurekaServer server : live) {
                    int copies = copies(server);
                    listed |= copies > 0;
                    mostCopies = Math.max(mostCopies, copies);
                }
                if (!listed) {
                    missingSamples++;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "monitor");
        monitor.setDaemon(true);
        monitor.start();
    }

    private void report(String fault, long backAfterMs) {
        System.out.printf("%-58s %14d %10d %7d%n", fault, backAfterMs, missingSamples * 100, mostCopies);
        missingSamples = 0;
    }

    private static int copies(EurekaServer server) {
        try {
            String json = server.application(APP);
            return json == null ? 0 : (int) INSTANCE.matcher(json).results().count();
        } catch (IOException | InterruptedException e) {
            return 0;
        }
    }

    private long awaitListedOn(EurekaServer server) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (copies(server) == 0) {
            check(deadline, "listed on " + server.serviceUrl());
        }
        return System.nanoTime();
    }

    /**
     * When {@code server} first shows a renewal that happened after {@code sinceNanos}. Eureka stores a renewal's time
     * plus the lease duration as {@code lastRenewalTimestamp} (its documented quirk), hence the 3 s added.
     */
    private long awaitRenewalSince(EurekaServer server, long sinceNanos) throws Exception {
        long sinceMillis = System.currentTimeMillis() - ms(System.nanoTime() - sinceNanos) + LEASE_SECONDS * 1000;
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            String json = server.instance(APP, "localhost:faulty:" + port);
            Matcher renewed = json == null ? null : RENEWED.matcher(json);
            if (renewed != null && renewed.find() && Long.parseLong(renewed.group(1)) > sinceMillis) {
                return System.nanoTime();
            }
            check(deadline, "renewed on " + server.serviceUrl());
        }
    }

    private void check(long deadline, String what) throws InterruptedException {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("not " + what + " within " + TIMEOUT.toSeconds() + " s:\n" + app.output());
        }
        Thread.sleep(20);
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
