package vn.dvk.model;

/** The four fields (lĩnh vực) a model belongs to. */
public enum Field {
    /** Kinh tế — economy. */
    ECONOMY,
    /** Văn hóa – xã hội — culture and society. */
    CULTURE_SOCIETY,
    /** Quốc phòng – an ninh — defence and security. */
    DEFENSE_SECURITY,
    /** Xây dựng Đảng, hệ thống chính trị — building the Party and the political system. */
    POLITICAL_SYSTEM
}
