package io.eurekaagent.testapp;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * An agent given before eureka-agent that serves metrics from its premain, as jmx_exporter's and Jolokia's do: the
 * JDK's server-socket classes are loaded, and a port listens, before eureka-agent starts. Neither may mislead it.
 */
public final class EarlyAgent {
    private EarlyAgent() {
    }

    public static void premain(String arguments, Instrumentation instrumentation) throws IOException {
        HttpServer metrics = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        metrics.createContext("/metrics", exchange -> {
            byte[] body = "up 1\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        metrics.start();
        System.out.println("early agent: metrics on port " + metrics.getAddress().getPort());
    }
}
