package io.eurekaagent.e2e;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/** A Jetty 12 server on any free port, answering "hello": run in a child JVM from the test classpath. */
public final class JettyApp {
    private JettyApp() {
    }

    public static void main(String[] args) throws Exception {
        Server server = new Server(0);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.setStatus(200);
                Content.Sink.write(response, true, "hello", callback);
                return true;
            }
        });
        server.start();
        System.out.println(
                "jetty-app listening on port " + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
        server.join();
    }
}
