package io.eurekaagent.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * TLS sockets layered on a direct connection, checking the server's name in the handshake. {@code HttpsURLConnection}
 * first asks its factory for an unconnected socket; a JDK factory's is a SOCKS-capable {@code Socket}, which asks the
 * app's default {@code ProxySelector} for {@code socket://host:port} and would send the agent's Eureka traffic through
 * an app's SOCKS proxy even with {@code Proxy.NO_PROXY}. Refusing unconnected sockets (as {@code SocketFactory} does by
 * default) makes the JDK connect a proxy-less socket itself and layer TLS on it. The host name is checked as
 * {@code java.net.http} does (endpoint identification), so a wrong certificate fails the handshake alike.
 */
final class DirectTlsSockets extends SSLSocketFactory {
    private final SSLSocketFactory tls;

    DirectTlsSockets(SSLSocketFactory tls) {
        this.tls = tls;
    }

    @Override
    public Socket createSocket(Socket connected, String host, int port, boolean autoClose) throws IOException {
        return verifying(tls.createSocket(connected, host, port, autoClose));
    }

    @Override
    public Socket createSocket(Socket connected, InputStream consumed, boolean autoClose) throws IOException {
        return verifying(tls.createSocket(connected, consumed, autoClose));
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return verifying(tls.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return verifying(tls.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return verifying(tls.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return verifying(tls.createSocket(address, port, localAddress, localPort));
    }

    private static Socket verifying(Socket socket) {
        if (socket instanceof SSLSocket) {
            SSLSocket tls = (SSLSocket) socket;
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(parameters);
        }
        return socket;
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return tls.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return tls.getSupportedCipherSuites();
    }
}
