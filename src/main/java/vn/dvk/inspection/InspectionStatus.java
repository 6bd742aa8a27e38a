package vn.dvk.inspection;

/** Where an inspection stands. */
public enum InspectionStatus {
    /** Đã lên kế hoạch — planned; findings and follow-ups are being recorded. */
    PLANNED,
    /** Đã kết luận — concluded; only the answers to follow-ups remain. */
    CONCLUDED
}
