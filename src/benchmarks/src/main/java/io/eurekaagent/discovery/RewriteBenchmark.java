package io.eurekaagent.discovery;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
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

/**
 * What the name hook adds to one request: a URL or HttpClient request to a service name rewritten to an instance,
 * against one the hook looks at and leaves alone (an address with a port), which is what every other request pays.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
public class RewriteBenchmark {
    private ServiceUrlRewriter rewriter;
    private URL byName;
    private URL direct;
    private final HttpRequest requestByName = HttpRequest.newBuilder(URI.create("http://orders/orders/42?expand=lines"))
            .build();
    private final HttpRequest requestDirect = HttpRequest.newBuilder(
                    URI.create("http://10.0.0.1:8080/orders/42?expand=lines"))
            .build();

    @Setup
    public void rewriter() throws MalformedURLException {
        Registry registry = Registry.of(
                List.of(instance("o1", "10.0.0.1"), instance("o2", "10.0.0.2"), instance("o3", "10.0.0.3")));
        rewriter = new ServiceUrlRewriter(new ServiceResolver(() -> registry, null, true, Duration.ZERO));
        byName = new URL("http://orders/orders/42?expand=lines");
        direct = new URL("http://10.0.0.1:8080/orders/42?expand=lines");
    }

    private static RegisteredInstance instance(String id, String ip) {
        return new RegisteredInstance(
                "ORDERS", id, ip, ip, "UP", 8080, true, 443, false, "orders", "orders", null, 0, null, true);
    }

    @Benchmark
    public Object urlByServiceName() {
        return rewriter.apply(byName);
    }

    @Benchmark
    public Object urlLeftAlone() {
        return rewriter.apply(direct);
    }

    @Benchmark
    public Object httpRequestByServiceName() {
        return rewriter.apply(requestByName);
    }

    @Benchmark
    public Object httpRequestLeftAlone() {
        return rewriter.apply(requestDirect);
    }
}
