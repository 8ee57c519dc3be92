package io.eurekaagent.client;

import io.eurekaagent.config.ServiceUrl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Which Eureka server to try first. Servers come in preference order (same zone first). A server that fails is set
 * aside for the quarantine; each call tries the servers not set aside first, in preference order, so the agent
 * stays with the server that answered until a preferred one's quarantine is over, then goes back to it.
 * Servers set aside are still tried, last, so a call never gives up while some server might answer.
 */
public final class ServerChoice {
    private final List<ServiceUrl> servers;
    private final long quarantineNanos;
    private final long[] setAsideUntil;
    /** Why each server was set aside; null when it is not. */
    private final String[] failure;
    private int lastAnswered;

    public ServerChoice(List<ServiceUrl> servers, Duration quarantine) {
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("no Eureka server");
        }
        this.servers = List.copyOf(servers);
        this.quarantineNanos = quarantine.toNanos();
        this.setAsideUntil = new long[servers.size()];
        this.failure = new String[servers.size()];
    }

    public int size() {
        return servers.size();
    }

    /** The servers to try for one call, in order. */
    synchronized List<ServiceUrl> order(long nowNanos) {
        List<ServiceUrl> available = new ArrayList<>();
        List<ServiceUrl> quarantined = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            if (failure[i] != null && nowNanos - setAsideUntil[i] >= 0) {
                failure[i] = null;
            }
            (failure[i] != null ? quarantined : available).add(servers.get(i));
        }
        available.addAll(quarantined);
        return available;
    }

    /** Records an answer; true when the agent switched: another server than last time (at first, the preferred one). */
    synchronized boolean answered(ServiceUrl server) {
        int index = servers.indexOf(server);
        failure[index] = null;
        boolean switched = lastAnswered != index;
        lastAnswered = index;
        return switched;
    }

    /** @param why one line, e.g. {@code http://a/eureka/: connection refused} */
    synchronized void failed(ServiceUrl server, long nowNanos, String why) {
        int index = servers.indexOf(server);
        setAsideUntil[index] = nowNanos + quarantineNanos;
        failure[index] = why;
    }

    /** Why the servers set aside were: the reason of a switch. */
    synchronized String setAsideBecause() {
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            if (failure[i] != null) {
                reasons.add(failure[i]);
            }
        }
        return String.join("; ", reasons);
    }

    @Override
    public String toString() {
        return servers.toString();
    }
}
