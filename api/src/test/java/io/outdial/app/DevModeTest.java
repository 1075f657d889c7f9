package io.outdial.app;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application in dev mode on a random port: embedded PostgreSQL and Redis, the FreeSWITCH
 * simulator and the in-process Temporal test server in real time, nothing kept on disk. Every test
 * class with this annotation shares one application context (and so one simulator).
 *
 * <p>Authentication: the dev bootstrap platform administrator exists, and MockMvc and TestRestTemplate send
 * its API key by default ({@link TestCredentials}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "outdial.dev.enabled=true",
        "outdial.dev.temporal=TEST_SERVER",
        "outdial.dev.persistent=false",
        "outdial.node-id=test-node",
        "logging.level.io.temporal=WARN",
        "logging.level.io.grpc=WARN",
        "logging.level.io.zonky=WARN",
        "logging.level.org.flywaydb=WARN",
        // the application's own logging (with the masking of numbers and keys), not a test-classpath logback-test.xml
        "logging.config=classpath:logback-spring.xml",
        "outdial.security.bootstrap.admin-password=" + TestCredentials.DEV_ADMIN_PASSWORD,
        "outdial.security.bootstrap.api-key=" + TestCredentials.DEV_API_KEY,
        // a cheaper bcrypt than production's 12: tests create many users
        "outdial.security.bcrypt-strength=6"
})
@Import(TestCredentials.class)
// metrics export is off in Spring Boot tests unless asked for: the Prometheus scrape is part of what users see
@AutoConfigureObservability
@AutoConfigureMockMvc
public @interface DevModeTest {
}
