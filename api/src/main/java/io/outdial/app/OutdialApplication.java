package io.outdial.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The outdial application: REST API, Temporal workers for campaigns and calls, and (in dev mode)
 * embedded PostgreSQL, Redis, Temporal and the FreeSWITCH simulator.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OutdialApplication {

    public static void main(String[] args) {
        SpringApplication.run(OutdialApplication.class, args);
    }
}
