package vn.dvk.recognition.proposal;

/** What the approver decides on a proposal. */
public enum Decision {
    /** Công nhận — recognize. */
    RECOGNIZE,
    /** Không công nhận — decline. */
    DECLINE
}
