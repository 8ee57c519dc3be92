package io.eurekaagent.quarkus;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** GET /hello answers "hello". */
@Path("/hello")
public class Hello {
    @GET
    public String hello() {
        return "hello";
    }
}
