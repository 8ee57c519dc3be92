package io.eurekaagent.servers.boot3;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Spring Boot 3 web app with the actuator left as Boot sets it up (only health over HTTP): {@code GET /hello} on
 * {@code --server.port}.
 */
@SpringBootApplication
@RestController
public class Boot3App {
    @GetMapping("/hello")
    public String hello() {
        return "hello";
    }

    public static void main(String[] args) {
        SpringApplication.run(Boot3App.class, args);
    }
}
