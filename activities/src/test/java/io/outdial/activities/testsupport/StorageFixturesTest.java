package io.outdial.activities.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;
import redis.clients.jedis.JedisPooled;

@ExtendWith(StorageExtension.class)
class StorageFixturesTest {

    @Test
    void theDatabaseIsMigratedAndReachableByUrl() throws Exception {
        try (Connection connection = DriverManager.getConnection(PostgresFixture.jdbcUrl());
             ResultSet rs = connection.createStatement().executeQuery("select count(*) from call_tasks")) {
            assertThat(rs.next()).isTrue();
        }
    }

    @Test
    void cleaningEmptiesTablesAndRedis(DataSource dataSource, JedisPooled jedis, TestData data) {
        data.tasks(data.campaign().fsNode("fs1", 1, 1).line("line1", "gw1", 1, 1).create().campaignId(), 3);
        jedis.set("some-key", "value");

        PostgresFixture.clean();
        RedisFixture.clean();

        assertThat(JdbcClient.create(dataSource).sql("select count(*) from tenants").query(Long.class).single())
                .isZero();
        assertThat(jedis.exists("some-key")).isFalse();
    }

    @Test
    void identitiesRestartAfterCleaning(TestData data) {
        long tenant = data.tenant("first");

        assertThat(tenant).isEqualTo(1);
    }
}
