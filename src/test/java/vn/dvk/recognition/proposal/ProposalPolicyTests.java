package vn.dvk.recognition.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.dvk.recognition.proposal.ProposalPolicy.Act;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;
import vn.dvk.shared.Role;
import vn.dvk.support.StubActor;

/**
 * {@link ProposalPolicy} for every role, on proposals of each level, in a round and outside one: in milliseconds,
 * without the application (the access matrix, {@code AccessMatrixTests}, stays the end-to-end proof through HTTP).
 */
class ProposalPolicyTests {

    /** A province's user with one role (the province at /1/5/, its communes below, another province at /1/6/). */
    private static Actor user(Role role) {
        return StubActor.at(Level.PROVINCE, "/1/5/", EnumSet.of(role));
    }

    /** Who may do each act on a proposal at his own level or below. */
    private static final Map<Act, Set<Role>> ROLES = Map.of(
            Act.PROPOSE, EnumSet.of(Role.REPORTER, Role.APPRAISER),
            Act.SCORE, EnumSet.of(Role.SCORER),
            Act.DECIDE, EnumSet.of(Role.APPROVER),
            Act.MODERATE, EnumSet.of(Role.APPRAISER, Role.APPROVER, Role.ADMIN));

    @Test
    void aProvincesUserMayDoWhatHisRolesSayOnProposalsOfHisLevelOrBelow() {
        for (Role role : Role.values()) {
            Actor a = user(role);
            for (Act act : Act.values()) {
                boolean roles = ROLES.get(act).contains(role);
                assertThat(ProposalPolicy.mayAtAll(a, act))
                        .as("%s %s", role, act)
                        .isEqualTo(roles);
                for (Level level : new Level[] {Level.PROVINCE, Level.COMMUNE}) {
                    for (boolean inRound : new boolean[] {false, true}) {
                        assertThat(ProposalPolicy.allows(a, act, level, inRound))
                                .as("%s %s a %s proposal, in a round: %s", role, act, level, inRound)
                                .isEqualTo(roles);
                    }
                }
            }
        }
    }

    @Test
    void aCentralProposalIsScoredOnlyInItsRoundAndDecidedOnlyAtTheCentre() {
        Actor scorer = user(Role.SCORER);
        Actor approver = user(Role.APPROVER);
        assertThat(ProposalPolicy.allows(scorer, Act.SCORE, Level.CENTRAL, true))
                .isTrue();
        assertThat(ProposalPolicy.allows(scorer, Act.SCORE, Level.CENTRAL, false))
                .isFalse();
        assertThat(ProposalPolicy.allows(approver, Act.DECIDE, Level.CENTRAL, false))
                .isFalse();
        assertThat(ProposalPolicy.allows(approver, Act.DECIDE, Level.CENTRAL, true))
                .isFalse();
        // proposing and moderating do not depend on the proposal's level
        assertThat(ProposalPolicy.allows(user(Role.REPORTER), Act.PROPOSE, Level.CENTRAL, false))
                .isTrue();
        assertThat(ProposalPolicy.allows(user(Role.ADMIN), Act.MODERATE, Level.CENTRAL, false))
                .isTrue();
    }

    @Test
    void aRefusalSaysWhetherTheRoleOrTheLevelIsMissing() {
        assertThatThrownBy(() -> ProposalPolicy.require(user(Role.APPROVER), Act.DECIDE, Level.CENTRAL, false))
                .isInstanceOfSatisfying(
                        Problems.Forbidden.class,
                        e -> assertThat(e.messageKey()).isEqualTo("access.levelTooLow"));
        assertThatThrownBy(() -> ProposalPolicy.require(user(Role.SCORER), Act.SCORE, Level.CENTRAL, false))
                .isInstanceOfSatisfying(
                        Problems.Forbidden.class,
                        e -> assertThat(e.messageKey()).isEqualTo("access.levelTooLow"));
        assertThatThrownBy(() -> ProposalPolicy.require(user(Role.VIEWER), Act.DECIDE, Level.COMMUNE, false))
                .isInstanceOfSatisfying(
                        Problems.Forbidden.class,
                        e -> assertThat(e.messageKey()).isEqualTo("access.denied"));
        assertThatThrownBy(() -> ProposalPolicy.requireRoles(user(Role.SCORER), Act.PROPOSE))
                .isInstanceOfSatisfying(
                        Problems.Forbidden.class,
                        e -> assertThat(e.messageKey()).isEqualTo("access.denied"));
        ProposalPolicy.require(user(Role.SCORER), Act.SCORE, Level.CENTRAL, true);
        ProposalPolicy.require(user(Role.APPROVER), Act.DECIDE, Level.PROVINCE, false);
    }
}
