package vn.dvk.recognition.review;

import vn.dvk.shared.Actor;
import vn.dvk.shared.Problems;
import vn.dvk.shared.Role;

/**
 * Who may hold the annual review of a unit's active models, in one place: {@link AnnualReview} asks it before listing
 * the models and before applying the decisions (each of which the model module checks again as a review). Which unit
 * the actor may review is the model module's rule (a unit in scope). Pure: it reads the actor's roles;
 * {@code AnnualReviewPolicyTests} tries every role.
 */
final class AnnualReviewPolicy {

    private AnnualReviewPolicy() {}

    /** Whether the actor holds the annual review: appraisers (the steering board). */
    static boolean mayReview(Actor actor) {
        return actor.hasRole(Role.APPRAISER);
    }

    /** Refuses an actor who may not hold the review ({@code access.denied}). */
    static void requireReviewer(Actor actor) {
        if (!mayReview(actor)) {
            throw new Problems.Forbidden("access.denied");
        }
    }
}
