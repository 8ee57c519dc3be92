package io.eurekaagent.discovery;

import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns a service name into one instance to call: the app name or VIP address (any case) of a registered app,
 * written as a single label (no dots, no port). UP instances only (unless {@code filter-only-up-instances=false}),
 * same-zone ones first when any is UP, round-robin. Names the registry does not know are not ours.
 */
public final class ServiceResolver {
    private final RegistrySource registry;
    private final String zone;
    private final boolean onlyUp;
    private final Duration firstFetchWait;
    private final Map<String, AtomicInteger> turns = new ConcurrentHashMap<>();
    /** The usable instances of each name asked for, worked out once per registry view (this runs on every request). */
    private volatile Choices choices = new Choices(Registry.EMPTY);

    /** What one registry view holds for the names asked for: the instances named, and those to hand out. */
    private final class Choices {
        final Registry registry;
        final Map<String, List<RegisteredInstance>[]> byName = new ConcurrentHashMap<>();

        Choices(Registry registry) {
            this.registry = registry;
        }

        /** {named, usable}. */
        @SuppressWarnings("unchecked")
        List<RegisteredInstance>[] of(String name) {
            List<RegisteredInstance>[] known = byName.get(name);
            if (known == null) {
                List<RegisteredInstance> named = registry.named(name);
                known = new List[] {named, usable(named)};
                byName.put(name, known);
            }
            return known;
        }
    }

    /**
     * @param registry the cache's copy; @param zone the calling instance's zone, or null
     * @param firstFetchWait how long a call made before the first fetch ended waits for it
     */
    public ServiceResolver(RegistrySource registry, String zone, boolean onlyUp, Duration firstFetchWait) {
        this.registry = registry;
        this.zone = zone;
        this.onlyUp = onlyUp;
        this.firstFetchWait = firstFetchWait;
    }

    /**
     * Whether a URL host could be a service name at all: one label, no dots or colons, not all digits (the JDK reads
     * {@code http://0/} and {@code http://2130706433/} as addresses), so never an address.
     */
    public static boolean mayBeServiceName(String host) {
        return host != null && !host.isEmpty() && host.indexOf('.') < 0 && host.indexOf(':') < 0
                && !host.equalsIgnoreCase("localhost") && !allDigits(host);
    }

    private static boolean allDigits(String host) {
        for (int i = 0; i < host.length(); i++) {
            if (host.charAt(i) < '0' || host.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * @return the instance to call, or null when the registry does not know the name (the request is left alone)
     * @throws UnknownHostException when the name is registered but none of its instances is UP
     */
    public RegisteredInstance choose(String name) throws UnknownHostException {
        // A call made while the app starts, before the first fetch ended, waits for it (at once afterwards).
        registry.awaitFirstFetch(firstFetchWait);
        Registry current = registry.registry();
        Choices now = choices;
        if (now.registry != current) {
            now = new Choices(current);
            choices = now;
        }
        List<RegisteredInstance>[] known = now.of(name);
        List<RegisteredInstance> named = known[0];
        if (named.isEmpty()) {
            return null;
        }
        List<RegisteredInstance> candidates = known[1];
        if (candidates.isEmpty()) {
            throw new UnknownHostException(name + ": no UP instance of that name is registered in Eureka ("
                    + named.size() + " registered, none UP)");
        }
        // One turn counter per app, whichever name (app, VIP, any case) the caller used.
        int turn = turns.computeIfAbsent(named.get(0).app(), key -> new AtomicInteger()).getAndIncrement();
        return candidates.get(Math.floorMod(turn, candidates.size()));
    }

    /** Why a name neither DNS nor the registry copy knows is unknown: not fetched yet, last fetch failed, or none. */
    String whyUnknown(String name) {
        if (!registry.awaitFirstFetch(Duration.ZERO)) {
            String failure = registry.lastFailure();
            return name + ": not a known host, and the Eureka registry has not been fetched yet ("
                    + (failure == null
                            ? "waited " + firstFetchWait.toMillis() + " ms"
                            : "the fetch at " + failure + " failed")
                    + ")";
        }
        String failure = registry.lastFailure();
        return name + ": not a known host, and no instance of that name is registered in Eureka"
                + (failure == null ? "" : " (as last fetched; the fetch at " + failure + " failed)");
    }

    private List<RegisteredInstance> usable(List<RegisteredInstance> named) {
        List<RegisteredInstance> up = new ArrayList<>();
        List<RegisteredInstance> sameZone = new ArrayList<>();
        for (RegisteredInstance instance : named) {
            if (!onlyUp || instance.isUp()) {
                up.add(instance);
                if (zone != null && zone.equalsIgnoreCase(instance.zone())) {
                    sameZone.add(instance);
                }
            }
        }
        return sameZone.isEmpty() ? up : sameZone;
    }
}
