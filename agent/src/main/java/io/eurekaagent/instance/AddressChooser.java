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
 * link-local never.
 */
public final class AddressChooser {
    /** Bridges and virtual ends that other hosts cannot reach. */
    static final Pattern DEFAULT_IGNORED =
            Pattern.compile("docker\\d*|veth.*|br-.*|virbr.*|cni.*|flannel.*|cali.*|kube-.*|lxcbr.*|podman.*");

    private final List<Pattern> ignoredInterfaces;
    private final List<Pattern> preferredNetworks;

    public AddressChooser(List<Pattern> ignoredInterfaces, List<Pattern> preferredNetworks) {
        this.ignoredInterfaces = List.copyOf(ignoredInterfaces);
        this.preferredNetworks = List.copyOf(preferredNetworks);
    }

    public Optional<InetAddress> choose(List<NetworkInterfaceInfo> interfaces) {
        List<InetAddress> candidates = new ArrayList<>();
        interfaces.stream()
                .filter(nic -> nic.up() && !nic.loopback() && !ignored(nic.name()))
                .sorted(Comparator.comparingInt(NetworkInterfaceInfo::index))
                .forEach(nic -> nic.addresses().stream()
                        .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                        .forEach(candidates::add));
        // A stable sort keeps interface order within each rank.
        candidates.sort(Comparator.comparingInt(this::rank));
        return candidates.stream().findFirst();
    }

    private boolean ignored(String name) {
        return DEFAULT_IGNORED.matcher(name).matches()
                || ignoredInterfaces.stream().anyMatch(p -> p.matcher(name).matches());
    }

    private int rank(InetAddress address) {
        boolean preferred = preferredNetworks.isEmpty() || preferredNetworks.stream().anyMatch(p -> {
            String text = address.getHostAddress();
            return text.startsWith(p.pattern()) || p.matcher(text).matches();
        });
        return (preferred ? 0 : 2) + (address instanceof Inet4Address ? 0 : 1);
    }
}
