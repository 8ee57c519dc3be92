package io.eurekaagent.server;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.netflix.eureka.server.EnableEurekaServer;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A stock Spring Cloud Netflix Eureka server, as users run it, tuned only so that what the agent does shows at
 * once (no 30 s read-only response cache, no self-preservation). Start with {@code --server.port=P}.
 * {@code --eureka-test.user=U --eureka-test.password=P} secures it with basic auth, the way Spring Cloud's docs
 * secure a Eureka server (CSRF off, every request authenticated); TLS comes from Spring Boot's {@code server.ssl.*}.
 */
@SpringBootApplication
@EnableEurekaServer
public class EurekaServerApp {
    public static void main(String[] args) {
        SpringApplication.run(EurekaServerApp.class, args);
    }

    @Bean
    SecurityFilterChain security(HttpSecurity http, @Value("${eureka-test.user:}") String user) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable);
        if (user.isEmpty()) {
            http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        } else {
            http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .httpBasic(Customizer.withDefaults());
        }
        return http.build();
    }

    @Bean
    UserDetailsService users(
            @Value("${eureka-test.user:unused}") String user,
            @Value("${eureka-test.password:unused}") String password) {
        return new InMemoryUserDetailsManager(User.withUsername(user)
                .password("{noop}" + password)
                .roles("EUREKA")
                .build());
    }
}
