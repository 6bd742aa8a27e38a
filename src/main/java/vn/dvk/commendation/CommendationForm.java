package vn.dvk.commendation;

/** The form of a commendation. */
public enum CommendationForm {
    /** Bằng khen — certificate of merit (province level and above). */
    BANG_KHEN,
    /** Giấy khen — certificate of commendation (lower levels). */
    GIAY_KHEN
}
