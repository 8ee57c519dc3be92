package io.eurekaagent.instance;

import io.eurekaagent.config.HostSyntax;
import io.eurekaagent.threads.AgentThreads;
import io.eurekaagent.log.AgentLog;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * The default host name, as Spring Cloud chooses it: the name the registered address resolves back to, else the
 * address itself, so that callers on other hosts can reach what is registered (a pod's or container's own name
 * usually resolves nowhere else). Looked up on a thread of its own while the app starts; a resolver that is slow or
 * hangs cannot hold the registration past the wait. (Classes rather than lambdas: this runs beside the app's start.)
 */
final class ReverseLookup implements Runnable {
    /** The JDK's reverse lookup: the address's name, or the address itself when it has none. */
    static final UnaryOperator<String> DNS = new UnaryOperator<String>() {
        @Override
        public String apply(String address) {
            try {
                return InetAddress.getByName(address).getHostName();
            } catch (UnknownHostException e) {
                return address;
            }
        }
    };

    private final String address;
    private final UnaryOperator<String> resolver;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile String name;

    private ReverseLookup(String address, UnaryOperator<String> resolver) {
        this.address = address;
        this.resolver = resolver;
    }

    /** Starts looking {@code address} (a literal) up with {@code resolver}. */
    static ReverseLookup start(String address, UnaryOperator<String> resolver) {
        ReverseLookup lookup = new ReverseLookup(address, resolver);
        AgentThreads.newThread("lookup", lookup).start();
        return lookup;
    }

    @Override
    public void run() {
        try {
            name = resolver.apply(address);
        } finally {
            done.countDown();
        }
    }

    /** The name, if it came within {@code wait} and is one a URL can carry; else the address. */
    String nameOrAddress(Duration wait) {
        try {
            if (!done.await(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                AgentLog.info("no reverse DNS answer for " + address + " within " + wait.toMillis() + " ms: registering"
                        + " the address as the host name (set eureka.instance.hostname to choose one)");
                return address;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return address;
        }
        String found = name;
        return found != null && HostSyntax.isValid(found) ? found : address;
    }
}
