package vn.dvk.recognition.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.dvk.recognition.round.RoundPolicy.Act;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;
import vn.dvk.shared.Role;
import vn.dvk.support.StubActor;

/**
 * {@link RoundPolicy} for every role on a round of the actor's own unit, of a unit below it and of a unit elsewhere:
 * in milliseconds, without the application (the access matrix, {@code AccessMatrixTests}, and the round journeys stay
 * the end-to-end proof through HTTP).
 */
class RoundPolicyTests {

    /** A province's user with one role (the province at /1/5/, its communes below, another province at /1/6/). */
    private static Actor user(Role role) {
        return StubActor.at(Level.PROVINCE, "/1/5/", EnumSet.of(role));
    }

    private static final String OWN = "/1/5/";
    private static final String CHILD = "/1/5/12/";
    private static final String FOREIGN = "/1/6/13/";

    /** Who may do each act on a round of his own unit or one below it (elsewhere: nobody but a voter). */
    private static final Map<Act, Set<Role>> AT_HOME = Map.of(
            Act.CREATE, EnumSet.of(Role.ADMIN, Role.APPROVER),
            Act.ORGANISE, EnumSet.of(Role.ADMIN, Role.APPROVER),
            Act.SEE_RESULTS, EnumSet.of(Role.ADMIN, Role.APPROVER, Role.APPRAISER, Role.VIEWER),
            Act.DECIDE, EnumSet.of(Role.APPROVER),
            Act.VOTE, EnumSet.of(Role.SCORER));

    @Test
    void everyRoleMayDoWhatItsTableSaysOnItsOwnAndItsChildUnitsRoundsAndOnlyCreateOrVoteElsewhere() {
        for (Role role : Role.values()) {
            Actor a = user(role);
            for (Act act : Act.values()) {
                boolean home = AT_HOME.get(act).contains(role);
                for (String path : new String[] {OWN, CHILD}) {
                    for (Level level : new Level[] {Level.PROVINCE, Level.COMMUNE}) {
                        assertThat(RoundPolicy.allows(a, act, level, path))
                                .as("%s %s a %s round at %s", role, act, level, path)
                                .isEqualTo(home);
                    }
                }
                boolean anywhere = act == Act.CREATE || act == Act.VOTE;
                assertThat(RoundPolicy.allows(a, act, Level.PROVINCE, FOREIGN))
                        .as("%s %s a round elsewhere", role, act)
                        .isEqualTo(home && anywhere);
            }
        }
    }

    @Test
    void aRoundIsSeenInTheActorsSubtreeOrByItsCouncilsMembers() {
        for (Role role : Role.values()) {
            Actor a = user(role);
            assertThat(RoundPolicy.maySee(a, OWN, false)).isTrue();
            assertThat(RoundPolicy.maySee(a, CHILD, false)).isTrue();
            assertThat(RoundPolicy.maySee(a, FOREIGN, false)).isFalse();
            assertThat(RoundPolicy.maySee(a, FOREIGN, true)).isTrue();
        }
    }

    @Test
    void aProvincesApproverDecidesNoCentralRoundAndIsToldItsLevelIsTooLow() {
        Actor approver = user(Role.APPROVER);
        assertThat(RoundPolicy.allows(approver, Act.DECIDE, Level.CENTRAL, OWN)).isFalse();
        assertThatThrownBy(() -> RoundPolicy.require(approver, Act.DECIDE, Level.CENTRAL, OWN))
                .isInstanceOfSatisfying(
                        Problems.Forbidden.class,
                        e -> assertThat(e.messageKey()).isEqualTo("access.levelTooLow"));
        assertThatThrownBy(() -> RoundPolicy.require(approver, Act.DECIDE, Level.PROVINCE, FOREIGN))
                .isInstanceOfSatisfying(
                        Problems.Forbidden.class,
                        e -> assertThat(e.messageKey()).isEqualTo("access.denied"));
        assertThatThrownBy(() -> RoundPolicy.require(user(Role.REPORTER), Act.DECIDE, Level.COMMUNE, OWN))
                .isInstanceOfSatisfying(
                        Problems.Forbidden.class,
                        e -> assertThat(e.messageKey()).isEqualTo("access.denied"));
        RoundPolicy.require(approver, Act.DECIDE, Level.COMMUNE, CHILD);
    }

    @Test
    void anActorWithoutTheRolesIsRefusedBeforeAnyRoundIsLookedUp() {
        for (Role role : Role.values()) {
            for (Act act : Act.values()) {
                Actor a = user(role);
                if (AT_HOME.get(act).contains(role)) {
                    RoundPolicy.requireRoles(a, act);
                } else {
                    assertThatThrownBy(() -> RoundPolicy.requireRoles(a, act))
                            .as("%s %s", role, act)
                            .isInstanceOf(Problems.Forbidden.class);
                }
            }
        }
    }

    @Test
    void aBallotIsOpenToTheScorersWhoSitOnTheCouncilAndAnyoneElseIsToldHeIsNoMember() {
        for (Role role : Role.values()) {
            Actor a = user(role);
            assertThat(RoundPolicy.mayVoteIn(a, true)).as("%s, a member", role).isEqualTo(role == Role.SCORER);
            assertThat(RoundPolicy.mayVoteIn(a, false))
                    .as("%s, no member", role)
                    .isFalse();
            if (role == Role.SCORER) {
                RoundPolicy.requireVoter(a, true);
            }
            assertThatThrownBy(() -> RoundPolicy.requireVoter(a, false))
                    .isInstanceOfSatisfying(
                            Problems.Forbidden.class,
                            e -> assertThat(e.messageKey()).isEqualTo("round.notMember"));
        }
    }
}
