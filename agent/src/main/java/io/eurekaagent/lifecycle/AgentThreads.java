package io.eurekaagent.lifecycle;

import io.eurekaagent.log.AgentLog;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every agent thread: a daemon (a non-daemon one would keep short-lived apps alive), named {@code eureka-agent-*}
 * so it is recognisable in a thread dump, with no context class loader (no app class loader leak), and a handler
 * that reports instead of printing a stack trace into the app's output.
 */
public final class AgentThreads {
    public static final String PREFIX = "eureka-agent-";
    private static final AtomicInteger HTTP_THREADS = new AtomicInteger();

    private AgentThreads() {
    }

    public static Thread newThread(String name, Runnable body) {
        Thread thread = new Thread(body, PREFIX + name);
        thread.setDaemon(true);
        thread.setContextClassLoader(null);
        thread.setUncaughtExceptionHandler((t, e) -> AgentLog.warn(t.getName() + " stopped by an unexpected error: " + e));
        return thread;
    }

    /** For the HTTP client's own work; idle threads end after 30 s. */
    public static ExecutorService httpExecutor() {
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                body -> newThread("http-" + HTTP_THREADS.incrementAndGet(), body));
    }
}
