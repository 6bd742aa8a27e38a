package vn.dvk.inspection;

/** How a model fares against one criterion. */
public enum Verdict {
    /** Đạt — meets the criterion. */
    MEETS("Đạt"),
    /** Đạt một phần — partly meets it. */
    PARTLY("Đạt một phần"),
    /** Chưa đạt — does not meet it. */
    DOES_NOT_MEET("Chưa đạt");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    /** The Vietnamese label, as the audit trail and the report write it. */
    public String label() {
        return label;
    }
}
