package io.eurekaagent.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A JVM or tool started by a scenario, its output (stdout and stderr) collected line by line with arrival times. */
public final class ChildProcess implements AutoCloseable {
    /** How each agent line starts (after its timestamp), and the version line the agent says first. */
    public static final String AGENT = "[eureka-agent] ";
    public static final String VERSION_LINE = AGENT + "eureka-agent ";
    private final String name;
    private final Process process;
    private final List<Line> lines = new ArrayList<>();
    private final Thread reader;

    /** One line of output and when it was read (System.nanoTime). */
    public static final class Line {
        public final String text;
        public final long nanos;

        Line(String text, long nanos) {
            this.text = text;
            this.nanos = nanos;
        }
    }

    private ChildProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        reader = new Thread(this::read, name + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    public static ChildProcess start(String name, List<String> command, Map<String, String> env, Path workDir)
            throws IOException {
        // SIGINT as a terminal gives it: a build started by nohup or in a script's background has SIGINT ignored, which
        // children inherit, and a JVM that starts with SIGINT ignored never handles it (ShutdownDrainTest).
        List<String> withDefaultSigint = new ArrayList<>(List.of("env", "--default-signal=INT"));
        withDefaultSigint.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(withDefaultSigint).redirectErrorStream(true)
                .directory(workDir.toFile());
        // The parent's own agent settings must not leak into children.
        builder.environment().keySet().removeIf(key -> key.startsWith("EUREKA_") || key.equals("JAVA_TOOL_OPTIONS"));
        builder.environment().putAll(env);
        return new ChildProcess(name, builder.start());
    }

    private void read() {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                synchronized (lines) {
                    lines.add(new Line(text, System.nanoTime()));
                    lines.notifyAll();
                }
                if (Boolean.getBoolean("e2e.echo")) {
                    System.out.println("[" + name + "] " + text);
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /** The first line matching, waiting up to {@code timeout}; fails with the output so far. */
    public Line awaitLine(Predicate<String> matching, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            while (true) {
                for (Line line : lines) {
                    if (matching.test(line.text)) {
                        return line;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(
                            name + ": no such line within " + timeout.toMillis() + " ms; output:\n" + output());
                }
                TimeUnit.NANOSECONDS.timedWait(lines, Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
            }
        }
    }

    public Line awaitLine(String containing, Duration timeout) throws InterruptedException {
        return awaitLine(text -> text.contains(containing), timeout);
    }

    /** Asserts that lines containing these fragments came in this order (each after the one before). */
    public void assertOrder(String... fragments) {
        synchronized (lines) {
            int from = 0;
            for (String fragment : fragments) {
                int found = -1;
                for (int i = from; i < lines.size() && found < 0; i++) {
                    found = lines.get(i).text.contains(fragment) ? i : -1;
                }
                if (found < 0) {
                    throw new AssertionError(name + ": no line '" + fragment + "' after the ones before it; output:\n"
                            + output());
                }
                from = found + 1;
            }
        }
    }

    public String output() {
        synchronized (lines) {
            StringBuilder text = new StringBuilder();
            lines.forEach(line -> text.append(line.text).append('\n'));
            return text.toString();
        }
    }

    /**
     * The agent's lines from their {@code [eureka-agent]} on (the UTC timestamp of the default format left out),
     * without the version line that comes first in every JVM with the agent.
     */
    public List<String> agentLines() {
        List<String> agent = new ArrayList<>();
        for (String line : output().split("\n")) {
            int at = line.indexOf(AGENT);
            if (at >= 0 && !line.startsWith(VERSION_LINE, at)) {
                agent.add(line.substring(at));
            }
        }
        return agent;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * SIGTERM, as Kubernetes and systemd send it: shutdown hooks run. Through the ProcessHandle, because
     * Process.destroy() also closes our end of the output pipe, losing what the hooks print.
     */
    public void sigterm() {
        process.toHandle().destroy();
    }

    /** SIGTERM, then waits for the exit; returns the exit code. */
    public int stop(Duration timeout) throws InterruptedException {
        sigterm();
        return awaitExit(timeout);
    }

    /** Waits for the exit and returns the exit code; fails if it takes longer than {@code timeout}. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " still running after " + timeout.toMillis() + " ms; output:\n" + output());
        }
        reader.join(5_000);
        return process.exitValue();
    }

    /** Sends a signal by name (STOP, CONT) with the system's kill command. */
    public void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IOException("kill -" + signal + " " + pid() + " failed");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
