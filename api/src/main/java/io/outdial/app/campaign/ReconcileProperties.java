package io.outdial.app.campaign;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often and how carefully this node reconciles the campaigns' Redis queues and task states with
 * PostgreSQL (prefix {@code outdial.reconcile}); see {@link TaskReconciler}.
 *
 * @param interval     time between two passes while the app runs (one more pass runs at start-up)
 * @param dialingGrace how long a task stays DIALING before its call workflow is looked at: longer than a
 *                     round takes to start a call workflow after it marked the task
 */
@ConfigurationProperties("outdial.reconcile")
public record ReconcileProperties(@DefaultValue("30s") Duration interval, @DefaultValue("60s") Duration dialingGrace) {
}
