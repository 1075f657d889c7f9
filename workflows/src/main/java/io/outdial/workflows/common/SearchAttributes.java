package io.outdial.workflows.common;

import io.temporal.common.SearchAttributeKey;
import java.util.List;

/**
 * Search attributes set on call workflows, so support staff can find one call in the Temporal Web
 * UI. They hold no phone numbers: search attributes are not encrypted.
 */
public final class SearchAttributes {

    public static final SearchAttributeKey<String> CAMPAIGN_ID = SearchAttributeKey.forKeyword("CampaignId");
    public static final SearchAttributeKey<String> TASK_ID = SearchAttributeKey.forKeyword("TaskId");
    public static final SearchAttributeKey<String> CALL_OUTCOME = SearchAttributeKey.forKeyword("CallOutcome");
    public static final SearchAttributeKey<String> FAULT_CLASS = SearchAttributeKey.forKeyword("FaultClass");
    public static final SearchAttributeKey<String> LINE_ID = SearchAttributeKey.forKeyword("LineId");
    public static final SearchAttributeKey<String> FS_NODE = SearchAttributeKey.forKeyword("FsNode");
    public static final SearchAttributeKey<Long> ATTEMPT = SearchAttributeKey.forLong("Attempt");

    /** Every key, for registering them on a Temporal server. */
    public static final List<SearchAttributeKey<?>> ALL =
            List.of(CAMPAIGN_ID, TASK_ID, CALL_OUTCOME, FAULT_CLASS, LINE_ID, FS_NODE, ATTEMPT);

    private SearchAttributes() {
    }
}
