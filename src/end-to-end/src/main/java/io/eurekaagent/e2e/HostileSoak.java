package io.eurekaagent.e2e;

import io.eurekaagent.e2e.HostileEureka.Answer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A soak with faults: agent-test-app at -Xmx64m (discovery on, 1 s intervals) against a fake Eureka server that
 * turns through every {@link Hostility} for 10 s each, with 5 s of health between, for {@code -Dsoak.minutes}
 * (default 3). Every 30 s it prints the JVM's threads, the agent's threads, the heap in use after a full GC, the
 * process's open sockets and how many of the app's own /hello calls (one each 100 ms) failed.
 * <pre>java -Dsoak.minutes=3 -cp src/end-to-end/target/classes io.eurekaagent.e2e.HostileSoak</pre>
 */
public final class HostileSoak {
    private HostileSoak() {
    }

    public static void main(String[] args) throws Exception {
        int minutes = Integer.getInteger("soak.minutes", 3);
        Map<Hostility, Answer> answers = new EnumMap<>(Hostility.class);
        for (Hostility hostility : Hostility.values()) {
            answers.put(hostility, hostility.answer());
        }
        try (HostileEureka eureka = new HostileEureka()) {
            int port = Project.freePort();
            AgentApp app = eureka.smallApp("hostile-soak", port, "agent:soak-pw");
            try (ChildProcess process = app.start("hostile-soak")) {
                process.awaitLine("registered HOSTILE-SOAK", Duration.ofSeconds(60));
                AtomicInteger failedCalls = new AtomicInteger();
                daemon("calls", () -> callForever(port, failedCalls));
                daemon("faults", () -> rotate(eureka, answers));
                System.out.printf(
                        "%-8s %8s %14s %18s %8s %14s%n",
                        "second", "threads", "agent threads", "live heap (KB)", "sockets", "failed calls");
                long start = System.nanoTime();
                for (int second = 0; second <= minutes * 60; second += 30) {
                    Thread.sleep(
                            Math.max(0, start + Duration.ofSeconds(second).toNanos() - System.nanoTime()) / 1_000_000);
                    long pid = process.pid();
                    long agentThreads = Jcmd.run(pid, "Thread.print")
                            .lines()
                            .filter(line -> line.startsWith("\"eureka-agent-"))
                            .count();
                    System.out.printf(
                            "%-8d %8s %14d %18d %8d %14d%n",
                            second,
                            threads(pid),
                            agentThreads,
                            Jcmd.liveHeapKb(pid),
                            sockets(pid),
                            failedCalls.getAndSet(0));
                }
                process.stop(Duration.ofSeconds(30));
                System.out.println("OutOfMemoryError in the app's output: "
                        + process.output().contains("OutOfMemoryError"));
            }
        }
    }

    private static void rotate(HostileEureka eureka, Map<Hostility, Answer> answers) {
        try {
            while (true) {
                for (Hostility hostility : Hostility.values()) {
                    eureka.answer(hostility.call, answers.get(hostility));
                    Thread.sleep(10_000);
                    eureka.healthy(hostility.call);
                    Thread.sleep(5_000);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void callForever(int port, AtomicInteger failed) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest hello = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hello"))
                .timeout(Duration.ofSeconds(2))
                .build();
        while (true) {
            try {
                if (http.send(hello, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                    failed.incrementAndGet();
                }
                Thread.sleep(100);
            } catch (IOException e) {
                failed.incrementAndGet();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static String threads(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(line -> line.startsWith("Threads:"))
                .findFirst()
                .orElse("Threads: ?")
                .substring(8)
                .trim();
    }

    /** The sockets process {@code pid} holds open, from /proc. */
    static long sockets(long pid) throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().startsWith("socket:");
                } catch (IOException gone) {
                    return false;
                }
            }).count();
        }
    }
}
