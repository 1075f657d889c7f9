package io.outdial.app.dev;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Starts the dev infrastructure when {@code outdial.dev.enabled} is true, before any bean is created,
 * points the datasource, Redis and Temporal properties at it, and registers it as a bean so the
 * context stops it on close. Registered in {@code META-INF/spring.factories}.
 */
public final class DevInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The bean name of the {@link DevInfrastructure}. */
    public static final String BEAN_NAME = "devInfrastructure";

    /** Makes every application bean depend on the infrastructure, so the context destroys it after them. */
    private static void stopInfrastructureLast(ConfigurableListableBeanFactory beanFactory) {
        for (String name : beanFactory.getBeanDefinitionNames()) {
            BeanDefinition definition = beanFactory.getBeanDefinition(name);
            if (name.equals(BEAN_NAME) || definition.getRole() != BeanDefinition.ROLE_APPLICATION) {
                continue;
            }
            String[] dependsOn = definition.getDependsOn();
            List<String> all = new ArrayList<>(dependsOn == null ? List.of() : Arrays.asList(dependsOn));
            all.add(BEAN_NAME);
            definition.setDependsOn(all.toArray(String[]::new));
        }
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        DevProperties dev = Binder.get(environment).bindOrCreate("outdial.dev", DevProperties.class);
        if (!dev.enabled()) {
            return;
        }
        if (!(context instanceof GenericApplicationContext generic)) {
            throw new IllegalStateException("dev mode needs a GenericApplicationContext, got " + context.getClass());
        }
        DevInfrastructure infrastructure = DevInfrastructure.start(dev);
        environment.getPropertySources().addFirst(new MapPropertySource("outdialDevInfrastructure",
                infrastructure.properties()));
        generic.registerBean(BEAN_NAME, DevInfrastructure.class, () -> infrastructure);
        generic.addBeanFactoryPostProcessor(DevInfrastructureInitializer::stopInfrastructureLast);
    }
}
