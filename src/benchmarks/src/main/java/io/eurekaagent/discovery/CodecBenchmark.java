package io.eurekaagent.discovery;

import com.netflix.discovery.converters.EurekaJacksonCodec;
import com.netflix.discovery.shared.Applications;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** A 10,000-instance registry read by the agent and by the Netflix client's codec; a 100-change delta applied. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = "-Xmx1g")
public class CodecBenchmark {
    static final int INSTANCES = 10_000;

    private byte[] registry;
    private Registry parsed;
    private RegistryDocument delta;
    private EurekaJacksonCodec netflix;

    @Setup
    public void documents() throws IOException {
        registry = RegistryFixture.registry(INSTANCES);
        parsed = Registry.of(RegistryDocument.parse(new ByteArrayInputStream(registry), Integer.MAX_VALUE).instances());
        delta = RegistryDocument.parse(
                new ByteArrayInputStream(RegistryFixture.delta(INSTANCES, 100)), Integer.MAX_VALUE);
        netflix = new EurekaJacksonCodec();
        int netflixCount = netflix.readValue(Applications.class, new ByteArrayInputStream(registry)).size();
        if (parsed.size() != INSTANCES
                || netflixCount != INSTANCES
                || !parsed.apply(delta.instances()).hashCodeOfStatuses().equals(delta.appsHashCode())) {
            throw new IllegalStateException("fixture read wrong: agent " + parsed.size() + ", Netflix " + netflixCount);
        }
    }

    @Benchmark
    public Registry agentReadsTheRegistry() throws IOException {
        return Registry.of(RegistryDocument.parse(new ByteArrayInputStream(registry), Integer.MAX_VALUE).instances());
    }

    @Benchmark
    public Applications netflixCodecReadsTheRegistry() throws IOException {
        return netflix.readValue(Applications.class, new ByteArrayInputStream(registry));
    }

    @Benchmark
    public Registry agentAppliesA100ChangeDelta() {
        return parsed.apply(delta.instances());
    }
}
