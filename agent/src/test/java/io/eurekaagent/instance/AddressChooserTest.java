package io.eurekaagent.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AddressChooserTest {
    private static final AddressChooser DEFAULTS = new AddressChooser(List.of(), List.of());

    static NetworkInterfaceInfo nic(String name, int index, boolean up, String... addresses)
            throws UnknownHostException {
        List<InetAddress> list = new ArrayList<>();
        for (String address : addresses) {
            list.add(InetAddress.getByName(address));
        }
        return new NetworkInterfaceInfo(name, index, up, name.startsWith("lo"), list);
    }

    static String choose(AddressChooser chooser, NetworkInterfaceInfo... nics) {
        return chooser.choose(List.of(nics)).map(InetAddress::getHostAddress).orElse("none");
    }

    @Test
    void lowestIndexUpNonLoopbackInterfaceWins() throws Exception {
        assertEquals("10.0.0.5", choose(DEFAULTS, nic("eth1", 3, true, "10.0.0.9"), nic("lo", 1, true, "127.0.0.1"),
                nic("eth0", 2, true, "10.0.0.5"), nic("eth2", 0, false, "10.0.0.1")));
    }

    @Test
    void dockerBridgesAndVethPairsAreSkipped() throws Exception {
        assertEquals(
                "192.168.1.20",
                choose(
                        DEFAULTS,
                        nic("docker0", 1, true, "172.17.0.1"),
                        nic("veth12ab", 2, true, "172.17.0.7"),
                        nic("br-5f2e", 3, true, "172.18.0.1"),
                        nic("enp3s0", 4, true, "192.168.1.20")));
    }

    @Test
    void ipv4BeforeIpv6AndNeverLinkLocal() throws Exception {
        assertEquals(
                "10.1.2.3",
                choose(DEFAULTS, nic("eth0", 1, true, "fe80::1", "2001:db8::5", "169.254.0.9", "10.1.2.3")));
        assertEquals("2001:db8:0:0:0:0:0:5", choose(DEFAULTS, nic("eth0", 1, true, "fe80::1", "2001:db8::5")));
    }

    @Test
    void userIgnoredInterfacesAndPreferredNetworks() throws Exception {
        AddressChooser chooser =
                new AddressChooser(List.of(Pattern.compile("eth0")), List.of(Pattern.compile("192.168")));
        assertEquals(
                "192.168.7.1",
                choose(
                        chooser,
                        nic("eth0", 1, true, "192.168.0.1"),
                        nic("eth1", 2, true, "10.0.0.1"),
                        nic("eth2", 3, true, "192.168.7.1")));
        AddressChooser byRegex = new AddressChooser(List.of(), List.of(Pattern.compile("10\\.2\\..*")));
        assertEquals("10.2.0.1", choose(byRegex, nic("eth0", 1, true, "10.1.0.1"), nic("eth1", 2, true, "10.2.0.1")));
    }

    @Test
    void nothingUsableIsEmpty() throws Exception {
        assertTrue(DEFAULTS.choose(List.of(nic("lo", 1, true, "127.0.0.1"), nic("docker0", 2, true, "172.17.0.1")))
                .isEmpty());
    }

    /** Issue 21, defect 9: a pod whose only interface is veth*: its address, not loopback; never a user-ignored one. */
    @Test
    void anInterfaceSkippedForItsNameAloneIsTheFallbackBeforeLoopback() throws Exception {
        NetworkInterfaceInfo loopback = nic("lo", 1, true, "127.0.0.1");
        NetworkInterfaceInfo veth = nic("veth0a1b", 7, true, "192.0.2.7");

        assertEquals("none", choose(DEFAULTS, loopback, veth));
        assertEquals("veth0a1b 192.0.2.7", fallback(DEFAULTS, loopback, veth));
        assertEquals("none", fallback(new AddressChooser(List.of(Pattern.compile("veth.*")), List.of()), loopback,
                veth));
    }

    private static String fallback(AddressChooser chooser, NetworkInterfaceInfo... nics) {
        Map.Entry<String, InetAddress> skipped = chooser.skippedByName(List.of(nics));
        return skipped == null ? "none" : skipped.getKey() + " " + skipped.getValue().getHostAddress();
    }
}
