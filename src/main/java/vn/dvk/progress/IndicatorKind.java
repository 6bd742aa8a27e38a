package vn.dvk.progress;

/** What an indicator measures, which decides how its values are read and shown. */
public enum IndicatorKind {
    /** Số lượng — things counted (dossiers, colonies, graves, houses). */
    COUNT,
    /** Số người — people. */
    PEOPLE,
    /** Số hộ — households. */
    HOUSEHOLDS,
    /** Số tiền (đồng) — an amount in Vietnamese đồng. */
    AMOUNT_VND,
    /** Diện tích — an area (ha, m²). */
    AREA,
    /** Chiều dài — a length (m, km). */
    LENGTH,
    /** Khối lượng — a weight (kg, tấn). */
    WEIGHT,
    /** Tỷ lệ (%) — a share between 0 and 100. */
    PERCENT,
    /** Khác — any other quantity. */
    OTHER
}
