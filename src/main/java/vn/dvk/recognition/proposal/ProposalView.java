package vn.dvk.recognition.proposal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import vn.dvk.shared.Level;

/**
 * A proposal as the API shows it, with the model's title and the scores submitted so far; {@code roundId} and
 * {@code criteriaSetId} name the round it is scored in and the criteria set it keeps, {@code roundMethod} how that
 * round's council concludes (all three null outside a round).
 */
public record ProposalView(
        Long id,
        Long modelId,
        String modelTitle,
        String unitCode,
        Level level,
        int year,
        String note,
        ProposalStatus status,
        String proposedBy,
        Instant proposedAt,
        String decisionNumber,
        LocalDate decisionDate,
        String decisionComment,
        String decidedBy,
        int scoreSheets,
        BigDecimal meanTotal,
        long version,
        Long roundId,
        Long criteriaSetId,
        RoundMethod roundMethod) {

    /**
     * Where a council member does its part on this proposal of a round: the round's ballot sheet when the council
     * votes, else the proposal's score sheet on the round's page; null outside a round.
     */
    public String roundTaskPath() {
        if (roundId == null) {
            return null;
        }
        return roundMethod == RoundMethod.BALLOT
                ? "/recognition/rounds/" + roundId + "/ballot"
                : "/recognition/rounds/" + roundId + "#task-" + id;
    }
}
