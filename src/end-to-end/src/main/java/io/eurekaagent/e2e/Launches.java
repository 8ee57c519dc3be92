package io.eurekaagent.e2e;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How the benchmarks time an app: the same polling, every 5 ms, with and without the agent. */
final class Launches {
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofMillis(200)).build();

    private Launches() {
    }

    /** Whether {@code url} answers 200 now. */
    static boolean answers(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(1)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Polls {@code condition} every 5 ms; returns when it held (System.nanoTime), at most {@link #TIMEOUT} on. */
    static long until(BooleanSupplier condition, long launch) throws InterruptedException {
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - launch > TIMEOUT.toNanos()) {
                throw new IllegalStateException("not within " + TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(5);
        }
        return System.nanoTime();
    }

    /**
     * The CPU time all threads of process {@code pid} have run so far (ms), from each thread's
     * {@code /proc/PID/task/TID/schedstat}: steadier from run to run than wall time, which the scheduler spreads.
     * Threads ended before the call are not counted. NaN where /proc cannot be read.
     */
    static double cpuMillis(long pid) {
        File[] threads = new File("/proc/" + pid + "/task").listFiles();
        if (threads == null) {
            return Double.NaN;
        }
        long nanos = 0;
        for (File thread : threads) {
            try {
                nanos += Long.parseLong(Files.readString(new File(thread, "schedstat").toPath()).split(" ")[0]);
            } catch (IOException | RuntimeException endedMeanwhile) {
                // a thread that ended while the others were read
            }
        }
        return nanos / 1e6;
    }

    /** The number the first line of {@code process} matching {@code pattern} carries in its group 1. */
    static double number(ChildProcess process, Pattern pattern) throws InterruptedException {
        ChildProcess.Line line = process.awaitLine(text -> pattern.matcher(text).find(), TIMEOUT);
        Matcher matcher = pattern.matcher(line.text);
        matcher.find();
        return Double.parseDouble(matcher.group(1));
    }
}
