package io.eurekaagent.servers.jetty;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;

/** Embedded Jetty 12 with one servlet: {@code GET /hello} on {@code -Djetty.http.port} (8080). */
public final class JettyApp {
    private JettyApp() {
    }

    public static void main(String[] args) throws Exception {
        Server server = new Server(Integer.getInteger("jetty.http.port", 8080));
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(Hello.class, "/hello");
        server.setHandler(context);
        server.start();
        System.out.println("jetty-app listening on port " + server.getURI().getPort());
        server.join();
    }

    /** GET /hello. */
    public static final class Hello extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain");
            response.getWriter().print("hello");
        }
    }
}
