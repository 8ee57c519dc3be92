package io.eurekaagent.instance;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What address choice needs to know of one interface; a plain value so the choice can be tested. */
public final class NetworkInterfaceInfo {
    private final String name;
    private final int index;
    private final boolean up;
    private final boolean loopback;
    private final List<InetAddress> addresses;

    public NetworkInterfaceInfo(String name, int index, boolean up, boolean loopback, List<InetAddress> addresses) {
        this.name = name;
        this.index = index;
        this.up = up;
        this.loopback = loopback;
        this.addresses = List.copyOf(addresses);
    }

    /** This host's interfaces. Enumerating them does no DNS lookup. */
    public static List<NetworkInterfaceInfo> ofThisHost() throws SocketException {
        List<NetworkInterfaceInfo> result = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            result.add(new NetworkInterfaceInfo(nic.getName(), nic.getIndex(), nic.isUp(), nic.isLoopback(),
                    Collections.list(nic.getInetAddresses())));
        }
        return result;
    }

    public String name() { return name; }
    public int index() { return index; }
    public boolean up() { return up; }
    public boolean loopback() { return loopback; }
    public List<InetAddress> addresses() { return addresses; }
}
