package io.eurekaagent.cli;

import io.eurekaagent.config.Catalog;
import io.eurekaagent.config.InstanceSettings;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * The names and addresses this machine goes by, to tell its instances among an app's: the configured host name and
 * address, the machine's name, and every address of its interfaces. No DNS lookup beyond the machine's own name.
 */
final class ThisHost {
    private ThisHost() {
    }

    static Set<String> namesAndAddresses(InstanceSettings configured) {
        Set<String> names = new HashSet<>();
        if (configured.get(Catalog.HOSTNAME) != null) {
            names.add(configured.get(Catalog.HOSTNAME));
        }
        if (configured.get(Catalog.IP_ADDRESS) != null) {
            names.add(configured.get(Catalog.IP_ADDRESS));
        }
        try {
            names.add(InetAddress.getLocalHost().getHostName());
        } catch (UnknownHostException e) {
            // a machine whose own name does not resolve: its addresses below still count
        }
        try {
            for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress address : Collections.list(network.getInetAddresses())) {
                    String text = address.getHostAddress();
                    int scope = text.indexOf('%');
                    names.add(scope < 0 ? text : text.substring(0, scope));
                }
            }
        } catch (SocketException e) {
            // no interfaces to list: the configured names above still count
        }
        return names;
    }
}
