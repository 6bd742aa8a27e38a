package vn.dvk.recognition.proposal;

/** Where a proposal for recognition stands. */
public enum ProposalStatus {
    /** Chờ quyết định — waiting for the decision. */
    PENDING,
    /** Được công nhận — recognized. */
    RECOGNIZED,
    /** Không công nhận — declined. */
    DECLINED
}
