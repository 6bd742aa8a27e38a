package vn.dvk.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;

class DvkModelTests {

    private static final Instant NOW = Instant.parse("2024-03-01T08:00:00Z");

    private static DvkModel draft(Level target) {
        return new DvkModel(
                new ModelRegistration(
                        "Vận động hiến đất làm đường",
                        Field.ECONOMY,
                        "X",
                        target,
                        2024,
                        HolderType.COLLECTIVE,
                        "Hội Nông dân",
                        Origin.NEW,
                        null,
                        "…",
                        null),
                1L,
                "canbo",
                NOW);
    }

    private static DvkModel accepted(Level target) {
        DvkModel m = draft(target);
        m.submit(NOW);
        m.appraise(AppraisalDecision.ACCEPT, NOW);
        return m;
    }

    @Test
    void submittingRecordsTheFirstSubmissionOnlyAndResubmissionIsNamedAsSuch() {
        DvkModel m = draft(Level.DISTRICT);
        assertThat(m.submit(NOW).action()).isEqualTo("SUBMIT");
        m.appraise(AppraisalDecision.REQUEST_CHANGES, NOW.plusSeconds(60));
        DvkModel.Transition again = m.submit(NOW.plusSeconds(120));
        assertThat(again.action()).isEqualTo("RESUBMIT");
        assertThat(again.from()).isEqualTo(ModelStatus.CHANGES_REQUESTED);
        assertThat(m.getSubmittedAt()).isEqualTo(NOW);
    }

    @Test
    void requestingChangesLeavesNoAppraisalOutcomeWhileAcceptAndRejectDo() {
        DvkModel m = draft(Level.DISTRICT);
        m.submit(NOW);
        m.appraise(AppraisalDecision.REQUEST_CHANGES, NOW);
        assertThat(m.getAppraisalOutcome()).isNull();
        m.submit(NOW);
        m.appraise(AppraisalDecision.REJECT, NOW);
        assertThat(m.getStatus()).isEqualTo(ModelStatus.REJECTED);
        assertThat(m.getAppraisalOutcome()).isEqualTo(AppraisalDecision.REJECT);
    }

    @Test
    void illegalMovesAreRefusedAndChangeNothing() {
        DvkModel m = draft(Level.DISTRICT);
        assertThatThrownBy(() -> m.appraise(AppraisalDecision.ACCEPT, NOW)).isInstanceOf(Problems.Conflict.class);
        assertThatThrownBy(() -> m.propose(Level.DISTRICT, NOW)).isInstanceOf(Problems.Conflict.class);
        assertThatThrownBy(() -> m.review(ReviewOutcome.RETIRE, 2024, NOW)).isInstanceOf(Problems.Conflict.class);
        assertThat(m.getStatus()).isEqualTo(ModelStatus.DRAFT);
        m.submit(NOW);
        m.appraise(AppraisalDecision.REJECT, NOW);
        assertThatThrownBy(() -> m.submit(NOW)).isInstanceOf(Problems.Conflict.class);
        assertThatThrownBy(() -> m.edit(null, 1L, NOW)).isInstanceOf(Problems.Conflict.class);
        assertThat(m.getStatus()).isEqualTo(ModelStatus.REJECTED);
    }

    @Test
    void aRecognizedModelClimbsTheLadderOnlyUpwards() {
        DvkModel m = accepted(Level.COMMUNE);
        m.propose(Level.COMMUNE, NOW);
        m.decide(true, Level.COMMUNE, NOW);
        assertThat(m.getRecognizedLevel()).isEqualTo(Level.COMMUNE);
        assertThatThrownBy(() -> m.propose(Level.COMMUNE, NOW)).isInstanceOf(Problems.Invalid.class);
        m.propose(Level.DISTRICT, NOW);
        m.decide(false, Level.DISTRICT, NOW);
        assertThat(m.getStatus()).isEqualTo(ModelStatus.RECOGNIZED);
        assertThat(m.getRecognizedLevel()).isEqualTo(Level.COMMUNE);
        m.propose(Level.PROVINCE, NOW);
        m.decide(true, Level.PROVINCE, NOW);
        assertThat(m.getRecognizedLevel()).isEqualTo(Level.PROVINCE);
    }

    @Test
    void aDeclinedFirstProposalReturnsTheModelToAccepted() {
        DvkModel m = accepted(Level.PROVINCE);
        assertThatThrownBy(() -> m.propose(Level.DISTRICT, NOW)).isInstanceOf(Problems.Invalid.class);
        m.propose(Level.PROVINCE, NOW);
        DvkModel.Transition t = m.decide(false, Level.PROVINCE, NOW);
        assertThat(t.to()).isEqualTo(ModelStatus.ACCEPTED);
        assertThat(m.getRecognizedLevel()).isNull();
    }

    @Test
    void retiringEndsTheLifeAndRemembersTheYear() {
        DvkModel m = accepted(Level.DISTRICT);
        assertThatThrownBy(() -> m.review(ReviewOutcome.RETIRE, 2023, NOW)).isInstanceOf(Problems.Invalid.class);
        m.review(ReviewOutcome.MAINTAIN, 2024, NOW);
        assertThat(m.getStatus()).isEqualTo(ModelStatus.ACCEPTED);
        m.review(ReviewOutcome.RETIRE, 2025, NOW);
        assertThat(m.getStatus()).isEqualTo(ModelStatus.RETIRED);
        assertThat(m.getRetiredYear()).isEqualTo(2025);
        assertThatThrownBy(() -> m.propose(Level.PROVINCE, NOW)).isInstanceOf(Problems.Conflict.class);
    }

    @Test
    void theSearchTextIsFoldedFromTitleAndHolder() {
        assertThat(draft(Level.DISTRICT).getSearchText()).isEqualTo("van dong hien dat lam duong hoi nong dan");
    }
}
