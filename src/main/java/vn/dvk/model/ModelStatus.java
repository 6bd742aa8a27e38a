package vn.dvk.model;

/** Where a model stands in its life. */
public enum ModelStatus {
    /** Bản nháp — being written by its unit. */
    DRAFT,
    /** Đã đăng ký — submitted, waiting for appraisal. */
    SUBMITTED,
    /** Cần điều chỉnh — the appraiser asked for changes. */
    CHANGES_REQUESTED,
    /** Được ghi nhận — accepted by the appraiser. */
    ACCEPTED,
    /** Không ghi nhận — rejected; final. */
    REJECTED,
    /** Đề nghị công nhận — proposed for recognition, waiting for a decision. */
    PROPOSED,
    /** Được công nhận — recognized at some level. */
    RECOGNIZED,
    /** Loại bỏ — retired by an annual review; final. */
    RETIRED
}
