package vn.dvk.model;

/** The outcome of an annual review of a model. */
public enum ReviewOutcome {
    /** Duy trì — keep it going. */
    MAINTAIN,
    /** Nhân rộng — replicate it elsewhere. */
    REPLICATE,
    /** Loại bỏ — retire it. */
    RETIRE
}
