package vn.dvk.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.dvk.recognition.round.CouncilAssignment;
import vn.dvk.recognition.round.CouncilAssignment.Item;
import vn.dvk.recognition.round.CouncilAssignment.Line;
import vn.dvk.recognition.round.CouncilAssignment.Member;

class CouncilAssignmentTests {

    // province /1/2/, its Women's Union /1/2/9/, a district /1/2/3/ and its commune /1/2/3/4/
    private final Member province = new Member("tinh", "/1/2/");
    private final Member womenUnion = new Member("hoiphunu", "/1/2/9/");
    private final Member district = new Member("huyen", "/1/2/3/");

    @Test
    void aMemberWhoseUnitLiesInTheProposingUnitsSubtreeIsConflicted() {
        assertThat(CouncilAssignment.conflicted("/1/2/9/", "/1/2/9/")).isTrue();
        assertThat(CouncilAssignment.conflicted("/1/2/3/4/", "/1/2/3/")).isTrue();
        assertThat(CouncilAssignment.conflicted("/1/2/", "/1/2/3/")).isFalse();
        assertThat(CouncilAssignment.conflicted("/1/2/3/", "/1/2/3/4/")).isFalse();
        // a path that merely starts with the same digits is another unit
        assertThat(CouncilAssignment.conflicted("/1/2/33/", "/1/2/3/")).isFalse();
    }

    @Test
    void inModeAllEveryMemberScoresEveryProposalExceptWhereRecusedAutomatically() {
        // given a proposal of the Women's Union and one of a commune
        List<Item> items = List.of(new Item(10L, "/1/2/9/"), new Item(11L, "/1/2/3/4/"));

        // when every member is assigned
        List<Line> plan = CouncilAssignment.plan(items, List.of(province, womenUnion, district), null, Map.of());

        // then the Women's Union member is recused on its own union's model, nobody else anywhere
        assertThat(plan)
                .containsExactlyInAnyOrder(
                        new Line(10L, "tinh", false),
                        new Line(10L, "hoiphunu", true),
                        new Line(10L, "huyen", false),
                        new Line(11L, "tinh", false),
                        new Line(11L, "hoiphunu", false),
                        new Line(11L, "huyen", false));
    }

    @Test
    void nPerProposalSharesTheWorkEvenlyCountingWhatMembersScoreAlready() {
        // given four commune proposals and three members, the province member already scoring 1 elsewhere
        List<Item> items = List.of(
                new Item(1L, "/1/2/3/4/"),
                new Item(2L, "/1/2/3/4/"),
                new Item(3L, "/1/2/3/4/"),
                new Item(4L, "/1/2/3/4/"));

        // when assigned two per proposal
        List<Line> plan = CouncilAssignment.plan(items, List.of(province, womenUnion, district), 2, Map.of("tinh", 1));

        // then each proposal has two scorers and everyone ends with 3 (9 = 8 new + 1 existing)
        for (long id = 1; id <= 4; id++) {
            long pid = id;
            assertThat(plan.stream().filter(l -> l.proposalId() == pid && !l.autoRecused()))
                    .hasSize(2);
        }
        assertThat(plan.stream().filter(l -> l.username().equals("tinh"))).hasSize(2);
        assertThat(plan.stream().filter(l -> l.username().equals("hoiphunu"))).hasSize(3);
        assertThat(plan.stream().filter(l -> l.username().equals("huyen"))).hasSize(3);
    }

    @Test
    void nPerProposalNeverAssignsAConflictedMember() {
        // given a proposal of the Women's Union, two per proposal
        List<Line> plan = CouncilAssignment.plan(
                List.of(new Item(4L, "/1/2/9/")), List.of(womenUnion, province, district), 2, Map.of());

        // then the union's member is recused and the two others score, though the union's member comes first
        assertThat(plan)
                .containsExactlyInAnyOrder(
                        new Line(4L, "hoiphunu", true), new Line(4L, "tinh", false), new Line(4L, "huyen", false));
    }

    @Test
    void whenFewerMembersAreFreeThanAskedAllFreeOnesAreAssigned() {
        List<Line> plan =
                CouncilAssignment.plan(List.of(new Item(1L, "/1/2/9/")), List.of(province, womenUnion), 2, Map.of());
        assertThat(plan).containsExactlyInAnyOrder(new Line(1L, "tinh", false), new Line(1L, "hoiphunu", true));
    }
}
