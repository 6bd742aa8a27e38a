package vn.dvk.model;

/** What an appraiser decides on a registration. */
public enum AppraisalDecision {
    /** Ghi nhận — accept. */
    ACCEPT,
    /** Góp ý, điều chỉnh — send back for changes. */
    REQUEST_CHANGES,
    /** Không ghi nhận — reject. */
    REJECT
}
