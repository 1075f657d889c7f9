package io.outdial.app.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.outdial.activities.tasks.TaskQueue;
import io.outdial.app.DevModeTest;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Uploading tasks as JSON or CSV: what is added, what is reported, and that a failed upload adds nothing. */
@DevModeTest
class TaskUploadTest {

    private static final String PROBLEM = "urn:outdial:problem:";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TaskQueue queue;

    private Uploads uploads;
    private long campaign;

    @BeforeEach
    void aDraftCampaign() throws Exception {
        uploads = new Uploads(mvc, jdbc);
        campaign = uploads.campaign();
    }

    @Test
    void aJsonBatchIsStoredInE164AndQueuedInOrder() throws Exception {
        String body = uploads.json(campaign, "", """
                        {"tasks": [{"phoneNumber": "+1 (555) 010-0001", "externalId": "crm-1", "externalRef": "first"},
                                   {"phoneNumber": "555 010 0002"},
                                   {"phoneNumber": "+15550100003", "externalRef": "third, with a comma"}]}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.received").value(3))
                .andExpect(jsonPath("$.added").value(3))
                .andExpect(jsonPath("$.imported").value(3))
                .andExpect(jsonPath("$.existing").value(0))
                .andExpect(jsonPath("$.duplicates").value(0))
                .andExpect(jsonPath("$.errorCount").value(0))
                .andExpect(jsonPath("$.inputClosed").value(false))
                .andReturn().getResponse().getContentAsString();

        List<Long> ids = JsonPath.<List<Number>>read(body, "$.taskIds").stream().map(Number::longValue).toList();
        assertThat(uploads.tasks(campaign)).containsExactly(
                new Uploads.Task(ids.get(0), "+15550100001", "crm-1", "first"),
                new Uploads.Task(ids.get(1), "+15550100002", null, null),
                new Uploads.Task(ids.get(2), "+15550100003", null, "third, with a comma"));
        assertThat(queue.ids(campaign)).containsExactlyElementsOf(ids);
        assertThat(uploads.inputClosed(campaign)).isFalse();
    }

    @Test
    void aCsvUploadIsStoredAndQueuedInLineOrderWithoutListingIds() throws Exception {
        uploads.csv(campaign, "", """
                        external_ref,phone_number,external_id\r
                        \"Smith, \"\"Jo\"\"\",+1 555 010 0001,crm-1\r
                        ,+15550100002,\r
                        plain,5550100003,crm-3\r
                        """)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.received").value(3))
                .andExpect(jsonPath("$.added").value(3))
                .andExpect(jsonPath("$.taskIds").doesNotExist());

        List<Uploads.Task> tasks = uploads.tasks(campaign);
        assertThat(tasks).extracting(Uploads.Task::phoneNumber)
                .containsExactly("+15550100001", "+15550100002", "+15550100003");
        assertThat(tasks).extracting(Uploads.Task::externalRef).containsExactly("Smith, \"Jo\"", null, "plain");
        assertThat(tasks).extracting(Uploads.Task::externalId).containsExactly("crm-1", null, "crm-3");
        assertThat(queue.ids(campaign)).containsExactlyElementsOf(tasks.stream().map(Uploads.Task::id).toList());
    }

    @Test
    void numbersWithoutCountryCodeAreReadInTheTenantsDefaultRegion() throws Exception {
        long british = uploads.campaignInRegion("GB");
        uploads.csv(british, "", "phone_number\n020 7946 0018\n+1 555 010 0001\n").andExpect(status().isCreated());

        assertThat(uploads.tasks(british)).extracting(Uploads.Task::phoneNumber)
                .containsExactly("+442079460018", "+15550100001");
    }

    @Test
    void rowErrorsNameTheLineAndFieldRejectTheWholeUploadAndNeverQuoteTheValue() throws Exception {
        uploads.csv(campaign, "?last=true", """
                        phone_number,external_id,external_ref
                        +15550100001,ok-1,fine
                        +1555010000x,ok-2,fine
                        +15550100003,has space,fine
                        "+15550100004",ok-4,"bad\007ref"
                        +15550100005,ok-5,fine
                        """)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(PROBLEM + "validation"))
                .andExpect(jsonPath("$.errorCount").value(3))
                .andExpect(jsonPath("$.errors[0].line").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("phone_number"))
                .andExpect(jsonPath("$.errors[1].line").value(4))
                .andExpect(jsonPath("$.errors[1].field").value("external_id"))
                .andExpect(jsonPath("$.errors[2].line").value(5))
                .andExpect(jsonPath("$.errors[2].field").value("external_ref"))
                .andExpect(content().string(not(containsString("555010000"))))
                .andExpect(content().string(not(containsString("has space"))));

        assertThat(uploads.taskCount(campaign)).as("tasks imported from a rejected upload").isZero();
        assertThat(queue.size(campaign)).isZero();
        assertThat(uploads.inputClosed(campaign)).as("a rejected upload does not close the input").isFalse();
    }

    @Test
    void jsonRowErrorsNameTheTaskIndex() throws Exception {
        uploads.json(campaign, "", """
                        {"tasks": [{"phoneNumber": "+15550100001"}, {"phoneNumber": null},
                                   {"phoneNumber": "+15550100003", "externalId": "%s"}]}""".formatted("x".repeat(101)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].line").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("tasks[1].phoneNumber"))
                .andExpect(jsonPath("$.errors[1].line").value(2))
                .andExpect(jsonPath("$.errors[1].field").value("tasks[2].externalId"));
        assertThat(uploads.taskCount(campaign)).isZero();
    }

    @Test
    void aPartialUploadImportsTheValidRowsAndListsTheErrors() throws Exception {
        uploads.csv(campaign, "?partial=true", """
                        phone_number
                        +15550100001
                        not a number
                        +15550100003
                        """)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.received").value(3))
                .andExpect(jsonPath("$.added").value(2))
                .andExpect(jsonPath("$.errorCount").value(1))
                .andExpect(jsonPath("$.errors[0].line").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("phone_number"));

        assertThat(uploads.tasks(campaign)).extracting(Uploads.Task::phoneNumber)
                .containsExactly("+15550100001", "+15550100003");
    }

    @Test
    void uploadingTheSameRowsAgainAddsNothingAndCountsThemAsExisting() throws Exception {
        String csv = IntStream.range(0, 50).mapToObj(i -> "+1555010%04d,ext-%d".formatted(i, i))
                .collect(Collectors.joining("\n", "phone_number,external_id\n", "\n"));
        uploads.csv(campaign, "", csv).andExpect(status().isCreated()).andExpect(jsonPath("$.added").value(50));

        uploads.csv(campaign, "", csv)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.received").value(50))
                .andExpect(jsonPath("$.added").value(0))
                .andExpect(jsonPath("$.existing").value(50))
                .andExpect(jsonPath("$.duplicates").value(0));

        assertThat(uploads.taskCount(campaign)).isEqualTo(50);
        assertThat(queue.size(campaign)).isEqualTo(50);
    }

    @Test
    void anExternalIdReusedWithAnotherNumberIsARowError() throws Exception {
        uploads.csv(campaign, "", "phone_number,external_id\n+15550100001,crm-1\n").andExpect(status().isCreated());

        uploads.csv(campaign, "", """
                        phone_number,external_id
                        +15550100009,crm-1
                        +15550100002,crm-2
                        +15550100002,crm-2
                        +15550100003,crm-2
                        """)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(PROBLEM + "validation"))
                .andExpect(jsonPath("$.errorCount").value(2))
                .andExpect(jsonPath("$.errors[0].line").value(2))
                .andExpect(jsonPath("$.errors[0].field").value("external_id"))
                .andExpect(jsonPath("$.errors[1].line").value(5))
                .andExpect(jsonPath("$.errors[1].message").value(containsString("line 3")));
        assertThat(uploads.taskCount(campaign)).isEqualTo(1);

        uploads.csv(campaign, "?partial=true", """
                        phone_number,external_id
                        +15550100002,crm-2
                        +15550100002,crm-2
                        +15550100003,crm-2
                        """)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.added").value(1))
                .andExpect(jsonPath("$.existing").value(1))
                .andExpect(jsonPath("$.errorCount").value(1));
    }

    @Test
    void duplicateNumbersAreSkippedAndReportedWithTheirLines() throws Exception {
        uploads.json(campaign, "", "{\"tasks\": [{\"phoneNumber\": \"+15550100001\"}]}").andExpect(status().isCreated());

        uploads.csv(campaign, "", """
                        phone_number
                        +1 555 010 0001
                        +15550100002
                        (555) 010-0002
                        +15550100003
                        """)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.received").value(4))
                .andExpect(jsonPath("$.added").value(2))
                .andExpect(jsonPath("$.duplicates").value(2))
                .andExpect(jsonPath("$.duplicateRows[0].line").value(2))
                .andExpect(jsonPath("$.duplicateRows[0].of").value("EXISTING_TASK"))
                .andExpect(jsonPath("$.duplicateRows[1].line").value(4))
                .andExpect(jsonPath("$.duplicateRows[1].of").value("EARLIER_LINE"))
                .andExpect(jsonPath("$.duplicateRows[1].earlierLine").value(3));

        assertThat(uploads.tasks(campaign)).extracting(Uploads.Task::phoneNumber)
                .containsExactly("+15550100001", "+15550100002", "+15550100003");
    }

    @Test
    void lastClosesTheInputAndLaterUploadsAreA409() throws Exception {
        uploads.csv(campaign, "?last=true", "phone_number\n+15550100001\n")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.inputClosed").value(true));
        assertThat(uploads.inputClosed(campaign)).isTrue();

        uploads.json(campaign, "", "{\"tasks\": [{\"phoneNumber\": \"+15550100002\"}]}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEM + "campaign-state"));
        uploads.csv(campaign, "", "phone_number\n+15550100002\n")
                .andExpect(status().isConflict());
        assertThat(uploads.taskCount(campaign)).isEqualTo(1);
    }

    @Test
    void theJsonLastFlagClosesTheInputToo() throws Exception {
        uploads.json(campaign, "", "{\"tasks\": [{\"phoneNumber\": \"+15550100001\"}], \"last\": true}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.inputClosed").value(true));
        assertThat(uploads.inputClosed(campaign)).isTrue();
    }

    @Test
    void anEndedCampaignTakesNoUpload() throws Exception {
        jdbc.sql("update campaigns set status = 'CANCELLED' where id = ?").param(campaign).update();

        uploads.csv(campaign, "", "phone_number\n+15550100001\n")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEM + "campaign-state"));
        assertThat(uploads.taskCount(campaign)).isZero();
    }

    @Test
    void anUnknownCampaignIsA404() throws Exception {
        uploads.csv(987_654_321L, "", "phone_number\n+15550100001\n")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value(PROBLEM + "not-found"));
    }
}
