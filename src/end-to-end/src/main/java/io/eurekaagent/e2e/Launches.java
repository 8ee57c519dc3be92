package io.eurekaagent.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

    /** The number the first line of {@code process} matching {@code pattern} carries in its group 1. */
    static double number(ChildProcess process, Pattern pattern) throws InterruptedException {
        ChildProcess.Line line = process.awaitLine(text -> pattern.matcher(text).find(), TIMEOUT);
        Matcher matcher = pattern.matcher(line.text);
        matcher.find();
        return Double.parseDouble(matcher.group(1));
    }
}
