package vn.dvk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.data.domain.PageRequest;
import vn.dvk.account.Accounts;
import vn.dvk.account.CurrentUser;
import vn.dvk.commendation.CommendationForm;
import vn.dvk.commendation.CommendationRegistry;
import vn.dvk.model.ModelFilter;
import vn.dvk.model.ModelRegistry;
import vn.dvk.model.ModelStatus;
import vn.dvk.model.ModelView;
import vn.dvk.model.Origin;
import vn.dvk.progress.Progress;
import vn.dvk.recognition.proposal.ProposalStatus;
import vn.dvk.recognition.proposal.ProposalView;
import vn.dvk.recognition.proposal.Recognitions;
import vn.dvk.recognition.round.Councils;
import vn.dvk.shared.Fmt;
import vn.dvk.shared.Level;
import vn.dvk.statistics.Statistics;
import vn.dvk.statistics.StatisticsQuery;
import vn.dvk.statistics.StatisticsReport;
import vn.dvk.support.IntegrationTest;
import vn.dvk.unit.UnitDirectory;
import vn.dvk.unit.UnitKind;
import vn.dvk.unit.UnitRef;

class DemoDataTests extends IntegrationTest {

    @Autowired
    DemoWorld world;

    @Autowired
    Accounts accounts;

    @Autowired
    UnitDirectory units;

    @Autowired
    ModelRegistry models;

    @Autowired
    Progress progress;

    @Autowired
    CommendationRegistry commendations;

    @Autowired
    Statistics statistics;

    @Autowired
    Councils councils;

    @Autowired
    Recognitions recognitions;

    @Autowired
    Clock clock;

    @Test
    void buildsBenTreWithModelsInEveryStatusAndBuildsItOnlyOnce() {
        // given the demo world, built by this call or an earlier one in this database
        world.build();

        // then the province and its tree exist, under the root
        UnitRef province = units.byCode("BTR").orElseThrow();
        assertThat(province.name()).isEqualTo("Tỉnh Bến Tre");
        assertThat(province.level()).isEqualTo(Level.PROVINCE);
        assertThat(province.parentCode()).isEqualTo(UnitDirectory.ROOT_CODE);
        assertThat(units.byCode("BTR-MCN").orElseThrow().level()).isEqualTo(Level.DISTRICT);
        assertThat(units.byCode("BTR-MCN-TTB-HND").orElseThrow().kind()).isEqualTo(UnitKind.ASSOCIATION);
        assertThat(units.byCode("BTR-MTTQ").orElseThrow().kind()).isEqualTo(UnitKind.FRONT);
        assertThat(units.byCode("BTR-CT-PD-UBND").orElseThrow().kind()).isEqualTo(UnitKind.GOVERNMENT);
        assertThat(province.contains(units.byCode("BTR-GT-HL").orElseThrow())).isTrue();

        // and every demo user signs in with the demo password, in its unit and role
        for (DemoWorld.DemoUser u : DemoWorld.USERS) {
            CurrentUser signedIn = accounts.authenticate(u.username(), world.password(), "test");
            assertThat(signedIn.unitCode()).isEqualTo(u.unitCode());
            assertThat(signedIn.roles()).containsExactly(u.role());
        }
        CurrentUser admin = accounts.authenticate("quantri", world.password(), "test");

        // and there are models in every state of their life
        Map<ModelStatus, Long> byStatus = countByStatus(admin);
        for (ModelStatus status : ModelStatus.values()) {
            assertThat(byStatus.get(status)).as("models in %s", status).isPositive();
        }
        assertThat(byStatus.values().stream().mapToLong(Long::longValue).sum()).isBetween(18L, 30L);

        // and a replica points at a recognized origin
        ModelView replica = models.search(admin, ModelFilter.none(), PageRequest.of(0, 100)).getContent().stream()
                .filter(m -> m.origin() == Origin.REPLICATED)
                .findFirst()
                .orElseThrow();
        ModelView origin = models.get(admin, replica.replicatedFromId());
        assertThat(origin.status()).isEqualTo(ModelStatus.RECOGNIZED);
        assertThat(origin.recognizedLevel()).isEqualTo(Level.PROVINCE);

        // and a model recognized first by the district, then by the province, reported its progress
        ModelView dyke = models.search(
                        admin, new ModelFilter("BTR", null, null, null, 2023, "de bao cuc bo"), PageRequest.of(0, 5))
                .getContent()
                .get(0);
        assertThat(dyke.recognizedLevel()).isEqualTo(Level.PROVINCE);
        assertThat(models.timeline(admin, dyke.id()))
                .extracting(e -> e.getAction())
                .containsSubsequence(
                        "CREATE",
                        "SUBMIT",
                        "APPRAISE_ACCEPT",
                        "PROPOSE",
                        "RECOGNIZE",
                        "PROPOSE",
                        "RECOGNIZE",
                        "REVIEW_REPLICATE");
        assertThat(progress.of(admin, dyke.id())).isNotEmpty();

        // and the province's 2024 statistics see the recognitions and both kinds of commendation
        StatisticsReport y2024 = statistics.count(
                admin, new StatisticsQuery("BTR", 2024, 2024, false, null, null, StatisticsQuery.Boundary.CURRENT));
        assertThat(y2024.recognizedByLevel().get("PROVINCE")).isGreaterThanOrEqualTo(7L);
        assertThat(y2024.retired()).isEqualTo(1L);
        assertThat(y2024.commendations()
                        .byForm()
                        .get(CommendationForm.BANG_KHEN.name())
                        .get("COLLECTIVE"))
                .isEqualTo(1L);
        assertThat(y2024.commendations()
                        .byForm()
                        .get(CommendationForm.GIAY_KHEN.name())
                        .get("INDIVIDUAL"))
                .isEqualTo(1L);

        // when the runner starts again, and the world is asked to build once more
        long unitCount = units.subtree(province, null, PageRequest.of(0, 1)).getTotalElements();
        long userCount = accounts.list(admin, PageRequest.of(0, 1)).getTotalElements();
        long commendationCount = commendations.list(admin, PageRequest.of(0, 1)).getTotalElements();
        new DemoRunner(world).run(new DefaultApplicationArguments("--dvk.demo=true"));
        boolean builtAgain = world.build();

        // then nothing new is created
        assertThat(builtAgain).isFalse();
        assertThat(units.subtree(province, null, PageRequest.of(0, 1)).getTotalElements())
                .isEqualTo(unitCount);
        assertThat(accounts.list(admin, PageRequest.of(0, 1)).getTotalElements())
                .isEqualTo(userCount);
        assertThat(commendations.list(admin, PageRequest.of(0, 1)).getTotalElements())
                .isEqualTo(commendationCount);
        assertThat(countByStatus(admin)).isEqualTo(byStatus);
    }

    @Test
    void hasARoundInEachStateWithBusinessDatesAndTheCouncilMembersSheetsWaiting() {
        // given the demo world
        world.build();
        CurrentUser leader = accounts.authenticate("lanhdao", world.password(), "test");
        CurrentUser member = accounts.authenticate("hoidong", world.password(), "test");
        LocalDate today = LocalDate.now(clock);

        // when the leader lists the province's rounds
        List<Councils.RoundView> rounds = councils.list(leader);

        // then 2024's is decided by 15/QĐ-BCĐ of 10/12/2024, after scoring in November 2024
        assertThat(rounds).extracting(Councils.RoundView::year).containsExactly(today.getYear(), 2025, 2024);
        Councils.RoundView decided = rounds.get(2);
        assertThat(decided.decisionNumber()).isEqualTo("15/QĐ-BCĐ");
        assertThat(decided.decisionDate()).isEqualTo(LocalDate.of(2024, 12, 10));
        assertThat(decided.closesOn()).isBefore(decided.decisionDate());
        assertThat(councils.results(leader, decided.id()))
                .hasSize(8)
                .filteredOn(r -> r.status() == ProposalStatus.RECOGNIZED)
                .hasSize(7);
        // and 2025's scoring is over, its results ranked and waiting for the decision
        Councils.RoundView results = rounds.get(1);
        assertThat(results.decisionNumber()).isNull();
        assertThat(results.closesOn()).isBefore(today);
        assertThat(councils.results(leader, results.id()))
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.sheets()).isEqualTo(1));
        // and this year's is open for scoring, its three sheets waiting in the council member's to-do
        Councils.RoundView open = rounds.get(0);
        assertThat(open.decisionNumber()).isNull();
        assertThat(open.opensOn()).isBeforeOrEqualTo(today);
        assertThat(open.closesOn()).isAfterOrEqualTo(today);
        assertThat(open.proposalIds()).hasSize(3);
        assertThat(recognitions.inbox(member, 20).get("toScore"))
                .extracting(ProposalView::id)
                .containsExactlyInAnyOrderElementsOf(open.proposalIds());
    }

    @Test
    void recordsEachPastStepOnItsBusinessDateNotOnTheDayTheDemoWasBuilt() {
        // given the demo world
        world.build();
        CurrentUser admin = accounts.authenticate("quantri", world.password(), "test");
        LocalDate today = LocalDate.now(clock);

        // when the timeline of the dyke model (2023) is read
        ModelView dyke = models.search(
                        admin, new ModelFilter("BTR", null, null, null, 2023, "de bao cuc bo"), PageRequest.of(0, 5))
                .getContent()
                .get(0);
        Map<String, List<LocalDate>> days = new HashMap<>();
        models.timeline(admin, dyke.id())
                .forEach(e -> days.computeIfAbsent(e.getAction(), a -> new ArrayList<>())
                        .add(LocalDate.ofInstant(e.getAt(), Fmt.ZONE)));

        // then it was registered in March 2023, recognized by the district on its decision's date (20/09/2023) and
        // by the province on 15/QĐ-BCĐ's (10/12/2024), and chosen for replication at the end of 2024
        assertThat(days.get("CREATE")).containsExactly(LocalDate.of(2023, 3, 10));
        assertThat(days.get("RECOGNIZE")).containsExactly(LocalDate.of(2023, 9, 20), LocalDate.of(2024, 12, 10));
        assertThat(days.get("REVIEW_REPLICATE")).containsExactly(LocalDate.of(2024, 12, 27));

        // and every demo model's timeline starts in the model's own year and runs forward, and only this year's
        // proposals (made today, to fill this year's open round) carry today's date
        List<ModelView> all =
                models.search(admin, ModelFilter.none(), PageRequest.of(0, 100)).getContent();
        assertThat(all).hasSizeGreaterThan(18);
        for (ModelView m : all) {
            List<LocalDate> dates = models.timeline(admin, m.id()).stream()
                    .filter(e -> !(e.getAction().equals("PROPOSE")
                            && LocalDate.ofInstant(e.getAt(), Fmt.ZONE).equals(today)))
                    .map(e -> LocalDate.ofInstant(e.getAt(), Fmt.ZONE))
                    .toList();
            assertThat(dates)
                    .as("timeline of %s (%d)", m.title(), m.year())
                    .isNotEmpty()
                    .isSorted()
                    .allSatisfy(d -> assertThat(d.getYear()).isBetween(m.year(), m.year() + 2))
                    .doesNotContain(today);
        }
    }

    private Map<ModelStatus, Long> countByStatus(CurrentUser admin) {
        Map<ModelStatus, Long> counts = new EnumMap<>(ModelStatus.class);
        for (ModelStatus status : ModelStatus.values()) {
            counts.put(
                    status,
                    models.search(admin, new ModelFilter("BTR", null, status, null, null, null), PageRequest.of(0, 1))
                            .getTotalElements());
        }
        return counts;
    }
}
