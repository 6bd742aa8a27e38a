package vn.dvk.recognition.round;

/** A council member's vote on a nominee in a ballot round. */
enum Vote {
    /** Đồng ý — for recognizing the nominee. */
    AGREE,
    /** Không đồng ý — against recognizing the nominee. */
    DISAGREE
}
