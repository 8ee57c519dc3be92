package io.eurekaagent.springapp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A small Spring Boot web app (Tomcat) that knows nothing of Eureka: {@code GET /hello} answers "hello". */
@SpringBootApplication
@RestController
public class SpringBootApp {
    @GetMapping("/hello")
    public String hello() {
        return "hello";
    }

    public static void main(String[] args) {
        SpringApplication.run(SpringBootApp.class, args);
    }
}
