package io.eurekaagent.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The JDK's jcmd, run against a child JVM: what it holds and which threads it runs, read from outside. */
public final class Jcmd {
    private Jcmd() {
    }

    public static String run(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(
                List.of(Path.of(Project.appJava()).resolveSibling("jcmd").toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes());
        jcmd.waitFor();
        return output;
    }

    /** The heap still in use after a full collection, in KB. */
    public static long liveHeapKb(long pid) throws IOException, InterruptedException {
        run(pid, "GC.run");
        return kilobytes(run(pid, "GC.heap_info"), "used (\\d+)K");
    }

    /** The first number {@code pattern}'s group 1 finds in {@code text}. */
    public static long kilobytes(String text, String pattern) {
        Matcher matcher = Pattern.compile(pattern).matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + pattern + " in:\n" + text);
        }
        return Long.parseLong(matcher.group(1));
    }
}
