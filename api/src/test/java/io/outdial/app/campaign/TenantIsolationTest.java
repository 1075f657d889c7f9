package io.outdial.app.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.outdial.app.AdminApi;
import io.outdial.app.DevModeTest;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A tenant's campaign never runs on another tenant's dedicated pool: the API refuses, and so does the database. */
@DevModeTest
class TenantIsolationTest {

    private final AdminApi api;
    private final JdbcClient jdbc;

    @Autowired
    TenantIsolationTest(MockMvc mvc, JdbcClient jdbc) {
        this.api = new AdminApi(mvc);
        this.jdbc = jdbc;
    }

    @Test
    void aCampaignUsesASharedPoolOrOneDedicatedToItsOwnTenant() throws Exception {
        String tenant = api.tenant();
        api.campaign(tenant, api.pool(null).name(), 5, 5);
        api.campaign(tenant, api.pool(tenant).name(), 5, 5);
    }

    @Test
    void creatingACampaignOnAnotherTenantsPoolIsA409AndStoresNothing() throws Exception {
        String owner = api.tenant();
        String intruder = api.tenant();
        AdminApi.Named pool = api.pool(owner);

        api.post("/api/v1/campaigns", """
                {"name": "intruder", "caps": 5, "maxConcurrency": 5, "tenant": "%s", "pool": "%s"}"""
                .formatted(intruder, pool.name()))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Pool '" + pool.name() + "' is dedicated to another tenant"));

        assertThat(jdbc.sql("select count(*) from campaigns where pool_id = ?").param(pool.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void movingACampaignToAnotherTenantsPoolIsA409() throws Exception {
        String owner = api.tenant();
        String intruder = api.tenant();
        AdminApi.Named foreign = api.pool(owner);
        long campaign = api.campaign(intruder, api.pool(null).name(), 5, 5);

        api.patch("/api/v1/campaigns/" + campaign, "{\"pool\": \"" + foreign.name() + "\"}")
                .andExpect(status().isConflict());
        assertThat(poolOf(campaign)).isNotEqualTo(foreign.id());
    }

    @Test
    void dedicatingAPoolThatAnotherTenantsCampaignUsesIsA409FromTheDatabaseTrigger() throws Exception {
        String user = api.tenant();
        String other = api.tenant();
        AdminApi.Named pool = api.pool(null);
        api.campaign(user, pool.name(), 5, 5);

        api.patch("/api/v1/pools/" + pool.id(), "{\"tenant\": \"" + other + "\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:outdial:problem:pool-tenant"));
        api.get("/api/v1/pools/" + pool.id()).andExpect(jsonPath("$.tenant").doesNotExist());
    }

    @Test
    void theDatabaseRejectsACampaignInsertedStraightOntoAnotherTenantsPool() throws Exception {
        String owner = api.tenant();
        String intruder = api.tenant();
        AdminApi.Named pool = api.pool(owner);

        assertThatThrownBy(() -> jdbc.sql("""
                        insert into campaigns (tenant_id, pool_id, name, caps, max_concurrency)
                        values ((select id from tenants where name = ?), ?, 'sneaky', 1, 1)""")
                .params(intruder, pool.id()).update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .rootCause()
                .isInstanceOfSatisfying(PSQLException.class, e ->
                        assertThat(e.getServerErrorMessage().getConstraint()).isEqualTo("campaign_pool_tenant"));
    }

    @Test
    void theDatabaseRejectsMovingACampaignStraightOntoAnotherTenantsPool() throws Exception {
        String owner = api.tenant();
        String intruder = api.tenant();
        AdminApi.Named foreign = api.pool(owner);
        long campaign = api.campaign(intruder, api.pool(null).name(), 5, 5);

        assertThatThrownBy(() -> jdbc.sql("update campaigns set pool_id = ? where id = ?")
                .params(foreign.id(), campaign).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(poolOf(campaign)).isNotEqualTo(foreign.id());
    }

    private long poolOf(long campaign) {
        return jdbc.sql("select pool_id from campaigns where id = ?").param(campaign).query(Long.class).single();
    }
}
