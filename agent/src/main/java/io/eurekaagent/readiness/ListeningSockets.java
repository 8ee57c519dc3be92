package io.eurekaagent.readiness;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The TCP sockets this process listens on, for an agent attached to a running JVM (whose binds are in the past). On
 * Linux from /proc: the namespace's listening sockets in /proc/self/net/tcp and tcp6, kept when one of this process's
 * file descriptors is that socket. Elsewhere an IOException.
 */
final class ListeningSockets implements NativePorts.Source {
    /** This process's, from /proc. */
    static final ListeningSockets PROC = new ListeningSockets();
    private static final String LISTEN = "0A";

    private ListeningSockets() {
    }

    @Override
    public List<InetSocketAddress> listening() throws IOException {
        return ofThisProcess();
    }

    static List<InetSocketAddress> ofThisProcess() throws IOException {
        Set<String> inodes = socketInodes(Paths.get("/proc/self/fd"));
        List<InetSocketAddress> listening = new ArrayList<>();
        if (inodes.isEmpty()) {
            // No socket at all (a JVM in premain, usually): the namespace's tables, large on a busy host, stay unread.
            return listening;
        }
        listening.addAll(parse(Files.readAllLines(Paths.get("/proc/self/net/tcp")), inodes));
        Path tcp6 = Paths.get("/proc/self/net/tcp6");
        if (Files.isReadable(tcp6)) {
            listening.addAll(parse(Files.readAllLines(tcp6), inodes));
        }
        return listening;
    }

    /** {@code socket:[12345]} links among the file descriptors: the inodes of this process's sockets. */
    private static Set<String> socketInodes(Path fds) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(fds)) {
            for (Path fd : entries) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[") && target.endsWith("]")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // a descriptor closed while listing
                }
            }
        }
        return inodes;
    }

    /**
     * Lines of /proc/net/tcp or tcp6 ({@code sl local_address rem_address st ... uid timeout inode}): the listening
     * sockets among {@code inodes}. Addresses are hex, each 32-bit word in host (little-endian) order.
     */
    static List<InetSocketAddress> parse(List<String> lines, Set<String> inodes) throws IOException {
        List<InetSocketAddress> listening = new ArrayList<>();
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length < 10 || !fields[3].equals(LISTEN) || !inodes.contains(fields[9])) {
                continue;
            }
            String[] local = fields[1].split(":");
            listening.add(new InetSocketAddress(address(local[0]), Integer.parseInt(local[1], 16)));
        }
        return listening;
    }

    private static InetAddress address(String hex) throws IOException {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                int at = (word * 4 + 3 - i) * 2;
                bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        return InetAddress.getByAddress(bytes);
    }
}
