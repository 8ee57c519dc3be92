package io.eurekaagent.springclient;

import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.server.ResponseStatusException;

/**
 * An ordinary Spring Cloud Eureka client: {@code GET /call/{service}} finds the service through Spring Cloud's
 * {@link DiscoveryClient} (which looks it up by VIP address, as every Spring Cloud caller does) and returns what
 * its {@code /hello} answers. {@code GET /hello} answers "hello", as spring-boot-app does: the same app with the
 * Spring Cloud Eureka client added, for the start-up comparison in the benchmark. {@code GET /lb/{service}} calls the
 * instance Spring Cloud LoadBalancer chooses (round-robin), as services usually call each other.
 */
@SpringBootApplication
@RestController
public class SpringClientApp {
    private final DiscoveryClient discovery;
    private final RestClient http = RestClient.create();
    private final LoadBalancerClient loadBalancer;

    public SpringClientApp(DiscoveryClient discovery, LoadBalancerClient loadBalancer) {
        this.discovery = discovery;
        this.loadBalancer = loadBalancer;
    }

    @GetMapping("/lb/{service}")
    public String callBalanced(@PathVariable("service") String service) {
        ServiceInstance chosen = loadBalancer.choose(service);
        if (chosen == null) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "no instance of " + service);
        }
        return http.get().uri(chosen.getUri() + "/hello").retrieve().body(String.class);
    }

    @GetMapping("/hello")
    public String hello() {
        return "hello";
    }

    @GetMapping("/call/{service}")
    public String call(@PathVariable("service") String service) {
        List<ServiceInstance> instances = discovery.getInstances(service);
        if (instances.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no instance of " + service);
        }
        return http.get().uri(instances.get(0).getUri() + "/hello").retrieve().body(String.class);
    }

    public static void main(String[] args) {
        SpringApplication.run(SpringClientApp.class, args);
    }
}
