package io.outdial.app.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outdial.app.AdminApi;
import io.outdial.app.DevModeTest;
import io.outdial.app.security.Caller;
import io.outdial.app.security.Role;
import io.outdial.app.web.ApiProblem;
import io.outdial.app.web.ProblemType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Uploads are scoped to the caller's tenant: another tenant's campaign does not exist for them. */
@DevModeTest
class TaskUploadTenantTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TaskUploadService service;

    private long campaign;
    private Caller owner;
    private Caller intruder;

    @BeforeEach
    void twoTenants() throws Exception {
        AdminApi api = new AdminApi(mvc);
        String ownerTenant = api.tenant();
        String otherTenant = api.tenant();
        campaign = api.campaign(ownerTenant, api.pool(null).name(), 5, 5);
        owner = new Caller("owner", Role.MANAGER, tenantId(ownerTenant), ownerTenant);
        intruder = new Caller("intruder", Role.ADMIN, tenantId(otherTenant), otherTenant);
    }

    @Test
    void anotherTenantsCampaignIsNotFoundForJsonAndCsvAndGetsNoTasks() {
        assertThatThrownBy(() -> service.uploadJson(intruder, campaign, json("+15550100001"), false))
                .isInstanceOfSatisfying(ApiProblem.class, e -> assertThat(e.type()).isEqualTo(ProblemType.NOT_FOUND));
        assertThatThrownBy(() -> service.uploadCsv(intruder, campaign, csv("phone_number\n+15550100001\n"), false, true))
                .isInstanceOfSatisfying(ApiProblem.class, e -> assertThat(e.type()).isEqualTo(ProblemType.NOT_FOUND));

        assertThat(taskCount()).isZero();
        assertThat(jdbc.sql("select input_closed from campaigns where id = ?").param(campaign)
                .query(Boolean.class).single()).isFalse();
    }

    @Test
    void aViewerOfTheTenantMayNotUpload() {
        Caller viewer = new Caller("viewer", Role.VIEWER, owner.tenantId(), owner.tenantName());
        assertThatThrownBy(() -> service.uploadJson(viewer, campaign, json("+15550100001"), false))
                .isInstanceOfSatisfying(ApiProblem.class, e -> assertThat(e.type()).isEqualTo(ProblemType.FORBIDDEN));
        assertThat(taskCount()).isZero();
    }

    @Test
    void aManagerOfTheTenantUploads() {
        TaskUploadResult result = service.uploadCsv(owner, campaign, csv("phone_number\n+15550100001\n"), false, false);
        assertThat(result.added()).isEqualTo(1);
        assertThat(taskCount()).isEqualTo(1);
    }

    @Test
    void duplicatesAreFoundWithinTheCampaignOnlyNotAcrossTenants() throws Exception {
        AdminApi api = new AdminApi(mvc);
        String otherTenant = intruder.tenantName();
        long otherCampaign = api.campaign(otherTenant, api.pool(null).name(), 5, 5);
        service.uploadJson(intruder, otherCampaign, json("+15550100001"), false);

        TaskUploadResult result = service.uploadJson(owner, campaign, json("+15550100001"), false);
        assertThat(result.added()).isEqualTo(1);
        assertThat(result.duplicates()).isZero();
    }

    private long taskCount() {
        return jdbc.sql("select count(*) from call_tasks where campaign_id = ?").param(campaign)
                .query(Long.class).single();
    }

    private long tenantId(String name) {
        return jdbc.sql("select id from tenants where name = ?").param(name).query(Long.class).single();
    }

    private static TaskUploadRequest json(String number) {
        return new TaskUploadRequest(List.of(new TaskUploadRequest.TaskInput(number, null)), false);
    }

    private static ByteArrayInputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
