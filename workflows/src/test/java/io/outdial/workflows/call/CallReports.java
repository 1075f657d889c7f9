package io.outdial.workflows.call;

/** Builds place-call reports for tests: {@code CallReports.sent().created().hangup("USER_BUSY").build()}. */
final class CallReports {

    static final String UUID = "3f1c8c52-0000-3000-8000-000000000001";

    private boolean sent;
    private boolean duplicate;
    private String jobResult;
    private boolean created;
    private boolean progress;
    private boolean answered;
    private String hangupCause;
    private Integer sipStatus;
    private long billsec;
    private boolean connectionLost;
    private boolean timedOut;

    private CallReports() {
    }

    /** An originate that never left. */
    static CallReports notSent() {
        return new CallReports();
    }

    /** An originate that left, with FreeSWITCH's {@code +OK} job result. */
    static CallReports sent() {
        CallReports reports = new CallReports();
        reports.sent = true;
        reports.jobResult = "+OK " + UUID;
        return reports;
    }

    CallReports duplicate() {
        this.duplicate = true;
        this.sent = false;
        this.jobResult = null;
        return this;
    }

    CallReports job(String jobResult) {
        this.jobResult = jobResult;
        return this;
    }

    CallReports created() {
        this.created = true;
        return this;
    }

    /** CREATE and PROGRESS seen: the phone rang. */
    CallReports rang() {
        this.created = true;
        this.progress = true;
        return this;
    }

    CallReports answered(long billsec) {
        this.created = true;
        this.progress = true;
        this.answered = true;
        this.billsec = billsec;
        return this;
    }

    CallReports billsec(long billsec) {
        this.billsec = billsec;
        return this;
    }

    CallReports hangup(String cause) {
        this.hangupCause = cause;
        return this;
    }

    CallReports sip(int status) {
        this.sipStatus = status;
        return this;
    }

    CallReports connectionLost() {
        this.connectionLost = true;
        return this;
    }

    CallReports timedOut() {
        this.timedOut = true;
        return this;
    }

    PlaceCallResult build() {
        long started = sent ? 1_700_000_000_000L : 0;
        return new PlaceCallResult(UUID, sent, duplicate, jobResult, created, progress, answered, hangupCause,
                sipStatus, billsec, connectionLost, timedOut, started, answered ? started + 4_000 : 0,
                started + 30_000);
    }
}
