package io.eurekaagent.lifecycle;

import java.util.concurrent.TimeUnit;

/** The registrar's time: reading it, and a wait that deregistration cuts short. Tests pass a virtual one. */
interface LoopClock {
    long nanoTime();

    /** Returns once {@link #nanoTime} reaches {@code wakeAtNanos}, or earlier after {@link #wakeUp}. */
    void sleepUntil(long wakeAtNanos) throws InterruptedException;

    /** Ends a {@link #sleepUntil} in progress (the JVM is shutting down). */
    void wakeUp();

    /** The JVM's monotonic clock and a monitor wait. */
    final class Wall implements LoopClock {
        private final Object monitor = new Object();
        private boolean awoken;

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepUntil(long wakeAtNanos) throws InterruptedException {
            synchronized (monitor) {
                long left = wakeAtNanos - System.nanoTime();
                while (left > 0 && !awoken) {
                    TimeUnit.NANOSECONDS.timedWait(monitor, left);
                    left = wakeAtNanos - System.nanoTime();
                }
            }
        }

        @Override
        public void wakeUp() {
            synchronized (monitor) {
                awoken = true;
                monitor.notifyAll();
            }
        }
    }
}
