package io.eurekaagent.threads;

import io.eurekaagent.log.AgentLog;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every agent thread: a daemon (a non-daemon one would keep short-lived apps alive), named {@code eureka-agent-*}
 * so it is recognisable in a thread dump, with no context class loader (no app class loader leak), and a handler
 * that reports instead of printing a stack trace into the app's output.
 */
public final class AgentThreads {
    private static final String PREFIX = "eureka-agent-";
    // A class, not a lambda: the first lambda of a JVM costs premain milliseconds.
    private static final Thread.UncaughtExceptionHandler REPORT = new Thread.UncaughtExceptionHandler() {
        @Override
        public void uncaughtException(Thread thread, Throwable error) {
            AgentLog.warn(thread.getName() + " stopped by an unexpected error: " + error);
        }
    };
    /** Calls at once: the heartbeat, a fetch, a health or page check, a status push, the deregistration, and spare. */
    static final int HTTP_THREADS_MAX = 8;
    private static final AtomicInteger HTTP_THREADS = new AtomicInteger();

    private AgentThreads() {
    }

    /**
     * Whether the calling thread is the agent's: the JDK hooks let the agent's own sockets and calls pass untouched,
     * and an agent thread never waits for a hook it may be defining itself.
     */
    public static boolean isAgentThread() {
        return Thread.currentThread().getName().startsWith(PREFIX);
    }

    public static Thread newThread(String name, Runnable body) {
        Thread thread = new Thread(body, PREFIX + name);
        thread.setDaemon(true);
        try {
            thread.setContextClassLoader(null);
        } catch (SecurityException deniedByTheApp) {
            // The app's SecurityManager forbids it (issue 21): the thread keeps its creator's loader, and runs.
        }
        thread.setUncaughtExceptionHandler(REPORT);
        return thread;
    }

    /**
     * For the HTTP calls: one thread, and one more for each call that overlaps a running one, up to
     * {@value #HTTP_THREADS_MAX} (a deregistration never waits behind a stalled page check, nor a heartbeat behind a
     * fetch); each ended after 30 s idle. Past the limit a call is refused at once
     * ({@link RejectedExecutionException}).
     */
    public static ExecutorService httpExecutor() {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, HTTP_THREADS_MAX, 30, TimeUnit.SECONDS,
                new SynchronousQueue<Runnable>(), new ThreadFactory() {
                    @Override
                    public Thread newThread(Runnable body) {
                        return AgentThreads.newThread("http-" + HTTP_THREADS.incrementAndGet(), body);
                    }
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }
}
