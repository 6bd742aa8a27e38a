package vn.dvk.unit;

/** The kinds of administrative reorganization. */
public enum ReorganizationType {
    /** Sáp nhập — several units become one (an existing or a new unit). */
    MERGE,
    /** Chia tách — one unit becomes several new ones. */
    SPLIT,
    /** Đổi tên — the same unit under a new name. */
    RENAME,
    /** Điều chuyển — units move under another parent. */
    MOVE,
    /** Giải thể — a unit ends; its children move to the unit named in {@code to}. */
    DISSOLVE
}
