package io.eurekaagent.lifecycle;

import io.eurekaagent.log.AgentLog;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
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
    public static final String PREFIX = "eureka-agent-";
    // A class, not a lambda: the first lambda of a JVM costs premain milliseconds.
    private static final Thread.UncaughtExceptionHandler REPORT = new Thread.UncaughtExceptionHandler() {
        @Override
        public void uncaughtException(Thread thread, Throwable error) {
            AgentLog.warn(thread.getName() + " stopped by an unexpected error: " + error);
        }
    };
    private static final AtomicInteger HTTP_THREADS = new AtomicInteger();

    private AgentThreads() {
    }

    public static Thread newThread(String name, Runnable body) {
        Thread thread = new Thread(body, PREFIX + name);
        thread.setDaemon(true);
        thread.setContextClassLoader(null);
        thread.setUncaughtExceptionHandler(REPORT);
        return thread;
    }

    /**
     * For the HTTP client's own work: one thread, ended after 30 s idle (the client's default pool grows a thread
     * per concurrent stage, and every thread counts against the app).
     */
    public static ExecutorService httpExecutor() {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                new ThreadFactory() {
                    @Override
                    public Thread newThread(Runnable body) {
                        return AgentThreads.newThread("http-" + HTTP_THREADS.incrementAndGet(), body);
                    }
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }
}
