package vn.dvk.shared;

/** The administrative levels, from the top; a smaller rank is a higher level. */
public enum Level {
    /** Trung ương — the centre. */
    CENTRAL,
    /** Tỉnh, thành phố — province or centrally run city. */
    PROVINCE,
    /** Huyện — district (abolished on 1 July 2025, kept for history). */
    DISTRICT,
    /** Xã, phường, thị trấn — commune, ward or township. */
    COMMUNE;

    /** 0 for the centre, 3 for a commune. */
    public int rank() {
        return ordinal();
    }

    /** True when this level is the same as {@code other} or higher up. */
    public boolean atOrAbove(Level other) {
        return rank() <= other.rank();
    }
}
