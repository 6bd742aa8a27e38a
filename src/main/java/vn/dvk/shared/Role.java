package vn.dvk.shared;

/** What a user may do; every role acts only inside the subtree of the user's own unit. */
public enum Role {
    /** Cán bộ đơn vị — drafts and submits models, reports results. */
    REPORTER,
    /** Ban Dân vận / Ban Chỉ đạo — appraises registrations, inspects, runs the annual review. */
    APPRAISER,
    /** Thành viên hội đồng — scores proposals against the criteria. */
    SCORER,
    /** Lãnh đạo Ban Chỉ đạo — decides recognition and commendations. */
    APPROVER,
    /** Quản trị — units, users and catalogues of the subtree. */
    ADMIN,
    /** Lãnh đạo, theo dõi — reads dashboards and reports. */
    VIEWER
}
