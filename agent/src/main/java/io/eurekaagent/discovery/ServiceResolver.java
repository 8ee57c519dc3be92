package io.eurekaagent.discovery;

import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Turns a service name into one instance to call: the app name or VIP address (any case) of a registered app,
 * written as a single label (no dots, no port). UP instances only (unless {@code filter-only-up-instances=false}),
 * same-zone ones first when any is UP, round-robin. Names the registry does not know are not ours.
 */
public final class ServiceResolver {
    private final Supplier<Registry> registry;
    private final String zone;
    private final boolean onlyUp;
    private final Map<String, AtomicInteger> turns = new ConcurrentHashMap<>();

    /** @param registry the current registry (the cache's); @param zone the calling instance's zone, or null */
    public ServiceResolver(Supplier<Registry> registry, String zone, boolean onlyUp) {
        this.registry = registry;
        this.zone = zone;
        this.onlyUp = onlyUp;
    }

    /** Whether a URL host could be a service name at all: one label, no dots or colons (so never an address). */
    public static boolean mayBeServiceName(String host) {
        return host != null && !host.isEmpty() && host.indexOf('.') < 0 && host.indexOf(':') < 0
                && !host.equalsIgnoreCase("localhost");
    }

    /**
     * @return the instance to call, or null when the registry does not know the name (the request is left alone)
     * @throws UnknownHostException when the name is registered but none of its instances is UP
     */
    public RegisteredInstance choose(String name) throws UnknownHostException {
        List<RegisteredInstance> named = registry.get().named(name);
        if (named.isEmpty()) {
            return null;
        }
        List<RegisteredInstance> candidates = usable(named);
        if (candidates.isEmpty()) {
            throw new UnknownHostException(name + ": no UP instance of that name is registered in Eureka ("
                    + named.size() + " registered, none UP)");
        }
        // One turn counter per app, whichever name (app, VIP, any case) the caller used.
        int turn = turns.computeIfAbsent(named.get(0).app(), key -> new AtomicInteger()).getAndIncrement();
        return candidates.get(Math.floorMod(turn, candidates.size()));
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
