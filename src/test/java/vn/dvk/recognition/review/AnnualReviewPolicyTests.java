package vn.dvk.recognition.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;
import vn.dvk.shared.Role;
import vn.dvk.support.StubActor;

/** {@link AnnualReviewPolicy} for every role, without the application. */
class AnnualReviewPolicyTests {

    @Test
    void onlyAppraisersHoldTheAnnualReview() {
        for (Role role : Role.values()) {
            Actor a = StubActor.at(Level.PROVINCE, "/1/5/", EnumSet.of(role));
            assertThat(AnnualReviewPolicy.mayReview(a)).as("%s reviews", role).isEqualTo(role == Role.APPRAISER);
            if (role != Role.APPRAISER) {
                assertThatThrownBy(() -> AnnualReviewPolicy.requireReviewer(a))
                        .isInstanceOfSatisfying(
                                Problems.Forbidden.class,
                                e -> assertThat(e.messageKey()).isEqualTo("access.denied"));
            }
        }
        AnnualReviewPolicy.requireReviewer(StubActor.at(Level.COMMUNE, "/1/5/12/", EnumSet.of(Role.APPRAISER)));
    }
}
