package io.eurekaagent.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.netflix.eureka.server.EnableEurekaServer;

/**
 * A stock Spring Cloud Netflix Eureka server, as users run it, tuned only so that what the agent does shows at
 * once (no 30 s read-only response cache, no self-preservation). Start with {@code --server.port=P}.
 */
@SpringBootApplication
@EnableEurekaServer
public class EurekaServerApp {
    public static void main(String[] args) {
        SpringApplication.run(EurekaServerApp.class, args);
    }
}
