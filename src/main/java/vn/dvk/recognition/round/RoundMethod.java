package vn.dvk.recognition.round;

/** How a round's council concludes on its nominees. */
public enum RoundMethod {
    /** Chấm điểm — each member scores every criterion of the set; results are ranked (the default). */
    SCORE,
    /** Bỏ phiếu kín — each member votes AGREE or DISAGREE on each nominee; a share of the votes passes it. */
    BALLOT
}
