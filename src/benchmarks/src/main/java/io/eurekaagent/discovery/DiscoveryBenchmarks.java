package io.eurekaagent.discovery;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the JMH benchmarks of this module, then measures the heap a 10,000-instance registry holds.
 * {@code java -jar src/benchmarks/target/benchmarks.jar}.
 */
public final class DiscoveryBenchmarks {
    private DiscoveryBenchmarks() {
    }

    public static void main(String[] args) throws RunnerException, IOException {
        new Runner(new OptionsBuilder().include("io\\.eurekaagent\\.discovery\\..*Benchmark").build()).run();
        byte[] document = RegistryFixture.registry(CodecBenchmark.INSTANCES);
        long before = usedAfterGc();
        Registry registry = Registry.of(RegistryDocument.parse(new ByteArrayInputStream(document), Integer.MAX_VALUE)
                .instances());
        long held = usedAfterGc() - before;
        System.out.printf(
                "%nheap held by a %,d-instance registry (%d apps): %.1f MB%n",
                registry.size(), RegistryFixture.APPS, held / 1024.0 / 1024.0);
        java.lang.ref.Reference.reachabilityFence(registry);
    }

    private static long usedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 5; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
