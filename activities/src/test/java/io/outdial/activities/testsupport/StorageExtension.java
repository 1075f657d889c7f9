package io.outdial.activities.testsupport;

import javax.sql.DataSource;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;

/**
 * Gives each test an empty PostgreSQL (migrated) and an empty Redis, and resolves test or
 * constructor parameters of type {@link DataSource}, {@link JedisPooled} (or {@link UnifiedJedis})
 * and {@link TestData}.
 */
public class StorageExtension implements BeforeEachCallback, ParameterResolver {

    @Override
    public void beforeEach(ExtensionContext context) {
        PostgresFixture.clean();
        RedisFixture.clean();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == DataSource.class || type == JedisPooled.class || type == UnifiedJedis.class
                || type == TestData.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == DataSource.class) {
            return PostgresFixture.dataSource();
        }
        if (type == TestData.class) {
            return new TestData(PostgresFixture.dataSource());
        }
        return RedisFixture.jedis();
    }
}
