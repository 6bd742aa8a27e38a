package vn.dvk.shared;

/**
 * The lengths DVK accepts, one place for each: the API's request records ({@code @Size}), the pages' own checks and
 * messages ("tối đa 4.000 ký tự") and the columns ({@code @Column(length)}, the migrations' {@code varchar}) say the
 * same number.
 */
public final class Limits {

    /** A free text: a comment, a note, a reason, a section of a registration's dossier (characters). */
    public static final int TEXT = 4000;

    private Limits() {}
}
