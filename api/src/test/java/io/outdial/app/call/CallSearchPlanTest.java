package io.outdial.app.call;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.outdial.app.AdminApi;
import io.outdial.app.DevModeTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The call search's plans on a campaign of 200,000 tasks and attempts: every filter is served by an index
 * (V6, V8), never by a scan of all tasks. The plans and their times are logged.
 */
@DevModeTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallSearchPlanTest {

    private static final Logger log = LoggerFactory.getLogger(CallSearchPlanTest.class);
    private static final int ROWS = 200_000;
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    long campaignId;
    long tenantId;

    @BeforeAll
    void aCampaignOfTwoHundredThousandCalls() {
        String tenant = AdminApi.unique("plan");
        http.postForEntity("/api/v1/tenants", Map.of("name", tenant), JsonNode.class);
        tenantId = jdbc.sql("select id from tenants where name = ?").param(tenant).query(Long.class).single();
        campaignId = http.postForEntity("/api/v1/campaigns", Map.of("name", "plan", "caps", 1, "maxConcurrency", 1,
                "tenant", tenant), JsonNode.class).getBody().get("id").asLong();
        // ended, so no round, reconciler or queue recovery ever looks at it
        jdbc.sql("update campaigns set status = 'COMPLETED' where id = ?").param(campaignId).update();
        // one in a thousand is a line failure: a rare outcome the search must find without walking the rest
        jdbc.sql("""
                        insert into call_tasks (campaign_id, phone_number, status, attempts, business_attempts, outcome,
                                                fault_class)
                        select ?, '+1666' || lpad(g::text, 7, '0'), 'DONE', 1, 1,
                               case when g % 1000 = 0 then 'LINE_FAILED' when g % 3 = 0 then 'BUSY' else 'ANSWERED' end,
                               case when g % 1000 = 0 then 'LINE_FAULT' when g % 3 = 0 then 'CALLEE_OUTCOME'
                                    else 'ANSWERED' end
                        from generate_series(1, ?) g""")
                .params(campaignId, ROWS).update();
        // a foreign-key check plan cached while call_tasks was small would scan it for every attempt row
        jdbc.sql("analyze call_tasks").update();
        jdbc.sql("""
                        insert into call_attempts (task_id, campaign_id, attempt, fs_node_id, line_id, origination_uuid,
                                                   workflow_id, sent, fault_class, outcome, started_at)
                        select t.id, t.campaign_id, 1, 'fs1', 'line1', md5('plan:' || t.id)::uuid,
                               'call-' || t.campaign_id || '-' || t.id, true, t.fault_class, t.outcome,
                               ?::timestamptz + (t.id - min(t.id) over ()) * interval '100 milliseconds'
                        from call_tasks t where t.campaign_id = ?""")
                .params(java.sql.Timestamp.from(START), campaignId).update();
        jdbc.sql("analyze call_tasks").update();
        jdbc.sql("analyze call_attempts").update();
    }

    @AfterAll
    void dropTheRows() {
        jdbc.sql("delete from call_attempts where campaign_id = ?").param(campaignId).update();
        jdbc.sql("delete from call_tasks where campaign_id = ?").param(campaignId).update();
    }

    @Test
    void everyFilterIsServedByAnIndex() {
        long middle = jdbc.sql("select min(id) + ? from call_tasks where campaign_id = ?")
                .params(ROWS / 2, campaignId).query(Long.class).single();
        Map<String, CallSearch> searches = Map.of(
                "campaign, first page", search(null, null, null, null, null, null, null),
                "campaign, page after a cursor", search(null, null, null, null, null, null, middle),
                "campaign and status", search("DONE", null, null, null, null, null, middle),
                "campaign and a rare outcome", search(null, "LINE_FAILED", null, null, null, null, null),
                "campaign and a rare fault class", search(null, null, "LINE_FAULT", null, null, null, null),
                "campaign and one minute", search(null, null, null, START.plusSeconds(3600), START.plusSeconds(3660),
                        null, null),
                "tenant and phone number", new CallSearch(tenantId, null, null, null, null, null, null,
                        List.of("+16660123456"), null, 51),
                "campaign and phone number", search(null, null, null, null, null, List.of("+16660123456"), null));
        searches.forEach((name, search) -> {
            CallRepository.Statement statement = CallRepository.statement(search);
            JdbcClient.StatementSpec spec = jdbc.sql("explain (analyze, costs off) " + statement.sql());
            for (var param : statement.params().entrySet()) {
                spec = spec.param(param.getKey(), param.getValue());
            }
            String plan = String.join("\n", spec.query(String.class).list());
            log.info("Plan of the call search by {} on {} tasks:\n{}", name, ROWS, plan);
            assertThat(plan).as(name).doesNotContain("Seq Scan on call_tasks").doesNotContain("Seq Scan on call_attempts");
        });
    }

    private CallSearch search(String status, String outcome, String faultClass, Instant from, Instant to,
                              List<String> phones, Long after) {
        return new CallSearch(tenantId, campaignId, status, outcome, faultClass, from, to, phones, after, 51);
    }
}
