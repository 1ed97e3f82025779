package dev.crmkit.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * CRMKit in a Spring Boot web application: the starter configures {@code Crm} on the application's H2 database;
 * the controllers here are what a host writes. Run with {@code mvn -pl crm-web-example spring-boot:run} and open
 * http://localhost:8080.
 */
@SpringBootApplication
public class WebExampleApplication {
    public static void main(String[] args) {
        SpringApplication.run(WebExampleApplication.class, args);
    }
}
