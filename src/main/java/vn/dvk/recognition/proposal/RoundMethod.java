package vn.dvk.recognition.proposal;

/** How a round's council concludes on its nominees (part of a proposal's view: {@link ProposalView#roundMethod}). */
public enum RoundMethod {
    /** Chấm điểm — each member scores every criterion of the set; results are ranked (the default). */
    SCORE,
    /** Bỏ phiếu kín — each member votes AGREE or DISAGREE on each nominee; a share of the votes passes it. */
    BALLOT
}
