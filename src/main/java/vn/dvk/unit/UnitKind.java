package vn.dvk.unit;

/** What a unit is: the area itself or a body located there. */
public enum UnitKind {
    /** The administrative area, whose steering committee appraises and recognizes. */
    AREA,
    /** A Party committee or one of its boards. */
    PARTY,
    /** A People's Committee or another state authority. */
    GOVERNMENT,
    /** The Vietnam Fatherland Front committee. */
    FRONT,
    /** A mass association: Farmers', Women's, Youth, Veterans' unions… */
    ASSOCIATION,
    /** An army or police unit. */
    ARMED_FORCES,
    /** A public agency (school, hospital, department…). */
    AGENCY,
    /** An enterprise. */
    ENTERPRISE,
    /** Anything else. */
    OTHER
}
