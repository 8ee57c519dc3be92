package io.eurekaagent.instance;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Picks the address to register, the way Spring Cloud's InetUtils does but without reverse DNS: interfaces that are
 * up and not loopback, lowest index first, skipping container bridges (which "first non-loopback" would pick on a
 * Docker host) and the user's ignored interfaces; addresses in a preferred network first; IPv4 before IPv6;
 * link-local never. (Loops rather than streams: this runs beside the app's start, and streams load classes.)
 */
public final class AddressChooser {
    /** Bridges and virtual ends that other hosts cannot reach: {@code docker<N>} and names starting so. */
    private static final String[] DEFAULT_IGNORED =
        {"veth", "br-", "virbr", "cni", "flannel", "cali", "kube-", "lxcbr", "podman"};
    private static final Comparator<NetworkInterfaceInfo> BY_INDEX = new Comparator<NetworkInterfaceInfo>() {
        @Override
        public int compare(NetworkInterfaceInfo a, NetworkInterfaceInfo b) {
            return Integer.compare(a.index(), b.index());
        }
    };

    private final List<Pattern> ignoredInterfaces;
    private final List<Pattern> preferredNetworks;

    public AddressChooser(List<Pattern> ignoredInterfaces, List<Pattern> preferredNetworks) {
        this.ignoredInterfaces = List.copyOf(ignoredInterfaces);
        this.preferredNetworks = List.copyOf(preferredNetworks);
    }

    public Optional<InetAddress> choose(List<NetworkInterfaceInfo> interfaces) {
        NetworkInterfaceInfo[] on = new NetworkInterfaceInfo[1];
        return Optional.ofNullable(best(interfaces, false, on));
    }

    /**
     * When {@link #choose} finds nothing: the best address on an interface skipped for its name alone (a pod whose
     * only interface is {@code veth*}), never on one the user ignored. Such an address is reachable more often than
     * loopback, which no other host can call and which several such pods would share in one instance id.
     * @return the address and its interface's name, or null
     */
    public Map.Entry<String, InetAddress> skippedByName(List<NetworkInterfaceInfo> interfaces) {
        NetworkInterfaceInfo[] on = new NetworkInterfaceInfo[1];
        InetAddress address = best(interfaces, true, on);
        return address == null ? null : Map.entry(on[0].name(), address);
    }

    /**
     * The first address of the best rank, in interface order, among the interfaces that are up and not loopback;
     * {@code skippedByName}: those skipped by the default name list only, else those not skipped at all.
     */
    private InetAddress best(List<NetworkInterfaceInfo> interfaces, boolean skippedByName, NetworkInterfaceInfo[] on) {
        List<NetworkInterfaceInfo> candidates = new ArrayList<>();
        for (NetworkInterfaceInfo nic : interfaces) {
            boolean byName = ignoredByDefault(nic.name());
            if (nic.up() && !nic.loopback() && !ignoredByUser(nic.name()) && byName == skippedByName) {
                candidates.add(nic);
            }
        }
        candidates.sort(BY_INDEX);
        InetAddress best = null;
        int bestRank = Integer.MAX_VALUE;
        for (NetworkInterfaceInfo nic : candidates) {
            for (InetAddress address : nic.addresses()) {
                if (!address.isLoopbackAddress() && !address.isLinkLocalAddress() && rank(address) < bestRank) {
                    best = address;
                    bestRank = rank(address);
                    on[0] = nic;
                }
            }
        }
        return best;
    }

    private static boolean ignoredByDefault(String name) {
        if (name.startsWith("docker") && digits(name.substring(6))) {
            return true;
        }
        for (String prefix : DEFAULT_IGNORED) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private boolean ignoredByUser(String name) {
        for (Pattern pattern : ignoredInterfaces) {
            if (pattern.matcher(name).matches()) {
                return true;
            }
        }
        return false;
    }

    private static boolean digits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private int rank(InetAddress address) {
        boolean preferred = preferredNetworks.isEmpty();
        String text = address.getHostAddress();
        for (Pattern network : preferredNetworks) {
            preferred |= text.startsWith(network.pattern()) || network.matcher(text).matches();
        }
        return (preferred ? 0 : 2) + (address instanceof Inet4Address ? 0 : 1);
    }
}
