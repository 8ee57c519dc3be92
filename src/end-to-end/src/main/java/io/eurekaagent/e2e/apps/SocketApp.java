package io.eurekaagent.e2e.apps;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * The smallest servers there are: {@code blocking} binds a {@link ServerSocket}, {@code nio} a
 * {@link ServerSocketChannel}, on env {@code PORT} (default 0). Each answers every connection with "hello".
 * Before the serving port, each binds a loopback-only port, as apps with a local admin socket do.
 */
public final class SocketApp {
    private static final byte[] HELLO = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello"
            .getBytes(StandardCharsets.US_ASCII);

    private SocketApp() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "0"));
        try (ServerSocket admin = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            if (args.length > 0 && args[0].equals("nio")) {
                ServerSocketChannel channel = ServerSocketChannel.open().bind(new InetSocketAddress(port));
                System.out.println("socket-app listening on port " + channel.socket().getLocalPort());
                while (true) {
                    try (SocketChannel client = channel.accept()) {
                        client.write(ByteBuffer.wrap(HELLO));
                    }
                }
            }
            ServerSocket server = new ServerSocket(port);
            System.out.println("socket-app listening on port " + server.getLocalPort());
            while (true) {
                try (Socket client = server.accept(); OutputStream out = client.getOutputStream()) {
                    out.write(HELLO);
                }
            }
        }
    }
}
