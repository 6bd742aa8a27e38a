package vn.dvk.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import vn.dvk.campaign.CampaignPolicy.Act;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;
import vn.dvk.shared.Role;
import vn.dvk.support.StubActor;

/**
 * {@link CampaignPolicy} for every role on a campaign of the actor's own unit, of the unit above it, of a unit below
 * it and of a unit elsewhere, without the application.
 */
class CampaignPolicyTests {

    private static final String ABOVE = "/1/";
    private static final String OWN = "/1/5/";
    private static final String CHILD = "/1/5/12/";
    private static final String FOREIGN = "/1/6/13/";

    private static Actor province(Role role) {
        return StubActor.at(Level.PROVINCE, OWN, EnumSet.of(role));
    }

    @Test
    void aCampaignIsSeenFromItsSubtreeAndFromAbove() {
        for (Role role : Role.values()) {
            Actor a = province(role);
            assertThat(CampaignPolicy.maySee(a, OWN)).as("%s, own unit", role).isTrue();
            assertThat(CampaignPolicy.maySee(a, CHILD)).as("%s, child", role).isTrue();
            assertThat(CampaignPolicy.maySee(a, ABOVE)).as("%s, above", role).isTrue();
            assertThat(CampaignPolicy.maySee(a, FOREIGN))
                    .as("%s, elsewhere", role)
                    .isFalse();
            assertThat(CampaignPolicy.maySee(a, "/1/6/"))
                    .as("%s, a sibling", role)
                    .isFalse();
            assertThat(CampaignPolicy.maySee(a, null)).isFalse();
        }
    }

    @Test
    void leadersAndAdministratorsOrganiseInTheirSubtreeAndReportersAreShownOpenCampaigns() {
        for (Role role : Role.values()) {
            Actor a = province(role);
            boolean organiser = role == Role.APPROVER || role == Role.ADMIN;
            assertThat(CampaignPolicy.mayAtAll(a, Act.ORGANISE))
                    .as("%s organises", role)
                    .isEqualTo(organiser);
            assertThat(CampaignPolicy.allows(a, Act.ORGANISE, OWN))
                    .as("%s, own unit", role)
                    .isEqualTo(organiser);
            assertThat(CampaignPolicy.allows(a, Act.ORGANISE, CHILD))
                    .as("%s, child", role)
                    .isEqualTo(organiser);
            assertThat(CampaignPolicy.allows(a, Act.ORGANISE, ABOVE))
                    .as("%s, above", role)
                    .isFalse();
            assertThat(CampaignPolicy.allows(a, Act.ORGANISE, FOREIGN))
                    .as("%s, elsewhere", role)
                    .isFalse();
            assertThat(CampaignPolicy.mayAtAll(a, Act.REGISTER))
                    .as("%s registers", role)
                    .isEqualTo(role == Role.REPORTER);
        }
    }

    @Test
    void aRefusalSaysWhy() {
        assertThatThrownBy(() -> CampaignPolicy.requireRoles(province(Role.REPORTER), Act.ORGANISE))
                .isInstanceOfSatisfying(
                        Problems.Forbidden.class,
                        e -> assertThat(e.messageKey()).isEqualTo("access.denied"));
        CampaignPolicy.requireRoles(province(Role.ADMIN), Act.ORGANISE);
        CampaignPolicy.requireRoles(province(Role.APPROVER), Act.ORGANISE);
    }
}
