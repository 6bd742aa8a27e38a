package vn.dvk.model;

/**
 * A rule another module sets on submissions: {@link ModelRegistry#submit} asks every bean of this type before a
 * registration is submitted, in the submitting transaction; a check refuses by throwing (e.g. a 409
 * {@code Problems.Conflict}), so that the model module never depends on the module that owns the rule.
 */
public interface SubmissionCheck {

    /**
     * Called before the model (as it stands, in DRAFT or CHANGES_REQUESTED) is submitted; {@code again} is true for
     * a registration submitted once already and sent back for changes.
     */
    void beforeSubmit(ModelView model, boolean again);
}
