package io.eurekaagent.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** /proc/net/tcp and tcp6 as Linux writes them: only this process's listening sockets, addresses decoded. */
class ListeningSocketsTest {
    private static final String HEADER = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt"
            + "   uid  timeout inode";

    @Test
    void listeningSocketsOfThisProcessWithTheirAddresses() throws Exception {
        List<String> tcp = List.of(HEADER,
                "   0: 00000000:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1001 1",
                "   1: 0100007F:0BB8 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1002 1",
                "   2: 0500000A:1F91 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 9999 1",
                "   3: 0100007F:1F90 0100007F:D431 01 00000000:00000000 00:00000000 00000000     0        0 1003 1");

        assertEquals(List.of(new InetSocketAddress("0.0.0.0", 8080), new InetSocketAddress("127.0.0.1", 3000)),
                ListeningSockets.parse(tcp, Set.of("1001", "1002", "1003")));
    }

    @Test
    void ipv6AddressesAreFourLittleEndianWords() throws Exception {
        List<String> tcp6 = List.of(HEADER,
                "   0: 00000000000000000000000000000000:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000"
                        + " 00:00000000 00000000     0        0 2001 1",
                "   1: 00000000000000000000000001000000:2328 00000000000000000000000000000000:0000 0A 00000000:00000000"
                        + " 00:00000000 00000000     0        0 2002 1");

        assertEquals(List.of(new InetSocketAddress("::", 8080), new InetSocketAddress("::1", 9000)),
                ListeningSockets.parse(tcp6, Set.of("2001", "2002")));
    }

    @Test
    void anEmptyOrHeaderOnlyFileListsNothing() throws Exception {
        assertEquals(List.of(), ListeningSockets.parse(List.of(), Set.of()));
        assertEquals(List.of(), ListeningSockets.parse(List.of(HEADER), Set.of("1")));
    }
}
