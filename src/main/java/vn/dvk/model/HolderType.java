package vn.dvk.model;

/** Who holds a model or receives a commendation. */
public enum HolderType {
    /** Tập thể — a collective. */
    COLLECTIVE,
    /** Cá nhân — an individual. */
    INDIVIDUAL
}
