package vn.dvk.notice;

/** What a notice is about; each kind can be switched off for e-mail by the user. */
public enum NoticeKind {
    /** A model of the user was appraised: accepted or rejected (outcome ACCEPT or REJECT). */
    APPRAISED(false),
    /** The appraisal asked for changes to a model of the user. */
    CHANGES_REQUESTED(false),
    /** A report on a model of the user is due within a week. */
    REPORT_DUE(true),
    /** A report on a model of the user is overdue. */
    REPORT_OVERDUE(true),
    /** The user was given proposals of a round to score. */
    COUNCIL_ASSIGNED(true),
    /** A model of the user's unit was published for public comment. */
    COMMENT_WINDOW(true),
    /** A proposal of the user (or on a model of the user) was decided (outcome RECOGNIZE or DECLINE). */
    PROPOSAL_DECIDED(false),
    /** An import of the user was written. */
    IMPORT_FINISHED(true),
    /** A model of the user was reviewed for a year (outcome MAINTAIN, REPLICATE or RETIRE); the detail is the comment. */
    REVIEWED(false);

    private final boolean argsDetail;

    NoticeKind(boolean argsDetail) {
        this.argsDetail = argsDetail;
    }

    /** True when the detail holds the arguments of {@code notice.detail.<KIND>} ({@code |}-separated), not free text. */
    boolean argsDetail() {
        return argsDetail;
    }
}
