package io.eurekaagent.discovery;

/**
 * What one registry answer may cost the app: it is read into the app's heap, so its bounds follow the heap. Half of
 * an eighth of the heap for the answer as received, the other half for the instances read from it (reckoned at 1 KB
 * each, about what a real one costs with its indexes); within 2-64 MB and 2,000-100,000 instances. A registry past
 * them is refused with one line and the last good copy kept.
 */
public final class RegistryLimits {
    private static final long MB = 1024 * 1024;

    private final int answerBytes;
    private final int instances;

    RegistryLimits(int answerBytes, int instances) {
        this.answerBytes = answerBytes;
        this.instances = instances;
    }

    /** For this JVM's {@code -Xmx}. */
    public static RegistryLimits ofThisJvm() {
        return forHeap(Runtime.getRuntime().maxMemory());
    }

    static RegistryLimits forHeap(long maxHeapBytes) {
        long share = maxHeapBytes / 16;
        return new RegistryLimits((int) clamp(share, 2 * MB, 64 * MB), (int) clamp(share / 1024, 2_000, 100_000));
    }

    private static long clamp(long value, long min, long max) {
        return Math.max(min, Math.min(max, value));
    }

    /** The most bytes of an answer kept as received (gzipped or not). */
    public int answerBytes() {
        return answerBytes;
    }

    /** The most instances one answer may list. */
    public int instances() {
        return instances;
    }
}
