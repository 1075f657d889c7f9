package io.outdial.app.task;

import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;

/** What the servlet container must do for uploads to fail cleanly. */
@Configuration(proxyBeanMethods = false)
class UploadConfiguration {

    /**
     * Tomcat reads and discards up to {@link UploadLimits#SWALLOW_BYTES} of a body the application did not
     * read (default 2 MiB): a client sending a 100 MB upload that is rejected early then receives the 413
     * instead of a connection reset.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> uploadSwallowSize() {
        return factory -> factory.addConnectorCustomizers(connector -> {
            if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                http.setMaxSwallowSize(UploadLimits.SWALLOW_BYTES);
            }
        });
    }

    /**
     * Multipart bodies are parsed only when a handler asks for them (no endpoint does): a multipart upload to
     * the task endpoint is a 415 without its parts being spooled to disk first.
     */
    @Bean
    StandardServletMultipartResolver multipartResolver() {
        StandardServletMultipartResolver resolver = new StandardServletMultipartResolver();
        resolver.setResolveLazily(true);
        return resolver;
    }
}
