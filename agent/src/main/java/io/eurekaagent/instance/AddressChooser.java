package io.eurekaagent.instance;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
        List<NetworkInterfaceInfo> usable = new ArrayList<>();
        for (NetworkInterfaceInfo nic : interfaces) {
            if (nic.up() && !nic.loopback() && !ignored(nic.name())) {
                usable.add(nic);
            }
        }
        usable.sort(BY_INDEX);
        // The first address of the best rank, in interface order.
        InetAddress best = null;
        int bestRank = Integer.MAX_VALUE;
        for (NetworkInterfaceInfo nic : usable) {
            for (InetAddress address : nic.addresses()) {
                if (!address.isLoopbackAddress() && !address.isLinkLocalAddress() && rank(address) < bestRank) {
                    best = address;
                    bestRank = rank(address);
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private boolean ignored(String name) {
        if (name.startsWith("docker") && digits(name.substring(6))) {
            return true;
        }
        for (String prefix : DEFAULT_IGNORED) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
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
