package vn.dvk.model;

/** Whether a model is new or replicates another one. */
public enum Origin {
    /** Mô hình mới — a new model. */
    NEW,
    /** Nhân rộng — a replica of an existing model. */
    REPLICATED
}
