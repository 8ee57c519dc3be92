package io.eurekaagent.instance;

import io.eurekaagent.config.HostSyntax;
import io.eurekaagent.lifecycle.AgentThreads;
import io.eurekaagent.log.AgentLog;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

/**
 * The default host name, as Spring Cloud chooses it: the name the registered address resolves back to, else the
 * address itself, so that callers on other hosts can reach what is registered (a pod's or container's own name
 * usually resolves nowhere else). Looked up on a thread of its own while the app starts; a resolver that is slow or
 * hangs cannot hold the registration past the wait.
 */
final class ReverseLookup {
    /** The JDK's reverse lookup: the address's name, or the address itself when it has none. */
    static final UnaryOperator<String> DNS = address -> {
        try {
            return InetAddress.getByName(address).getHostName();
        } catch (UnknownHostException e) {
            return address;
        }
    };

    private final String address;
    private final CompletableFuture<String> name = new CompletableFuture<>();

    private ReverseLookup(String address) {
        this.address = address;
    }

    /** Starts looking {@code address} (a literal) up with {@code resolver}. */
    static ReverseLookup start(String address, UnaryOperator<String> resolver) {
        ReverseLookup lookup = new ReverseLookup(address);
        AgentThreads.newThread("lookup", () -> lookup.name.complete(resolver.apply(address))).start();
        return lookup;
    }

    /** The name, if it came within {@code wait} and is one a URL can carry; else the address. */
    String nameOrAddress(Duration wait) {
        String found;
        try {
            found = name.get(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            AgentLog.info("no reverse DNS answer for " + address + " within " + wait.toMillis() + " ms: registering the"
                    + " address as the host name (set eureka.instance.hostname to choose one)");
            return address;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return address;
        } catch (ExecutionException e) {
            return address;
        }
        return found != null && HostSyntax.isValid(found) ? found : address;
    }
}
