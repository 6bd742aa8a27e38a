package vn.dvk.recognition.proposal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Level;

/**
 * A model's recognition ladder (các cấp công nhận): one rung per level, from the commune up to the centre, with
 * the decisions that recognized it there (a model may be recognized again at one level in a later year).
 */
@Service
@Transactional(readOnly = true)
public class Ladder {

    /** A recognition at a level: the year proposed and the decision's number and date. */
    public record Recognition(Long proposalId, int year, String decisionNumber, LocalDate decisionDate) {}

    /** A level of the ladder, its recognitions (oldest first) and whether a proposal there is pending. */
    public record Rung(Level level, List<Recognition> recognitions, boolean pending) {
        public boolean reached() {
            return !recognitions.isEmpty();
        }
    }

    private final Recognitions recognitions;

    Ladder(Recognitions recognitions) {
        this.recognitions = recognitions;
    }

    /** The ladder in order commune → district → province → central; 404 for a model the actor may not see. */
    public List<Rung> of(Actor actor, Long modelId) {
        List<ProposalView> all = recognitions.ofModel(actor, modelId);
        List<Rung> rungs = new ArrayList<>();
        for (int r = Level.values().length - 1; r >= 0; r--) {
            Level level = Level.values()[r];
            List<Recognition> done = all.stream()
                    .filter(p -> p.level() == level && p.status() == ProposalStatus.RECOGNIZED)
                    .sorted(Comparator.comparingInt(ProposalView::year).thenComparing(ProposalView::id))
                    .map(p -> new Recognition(p.id(), p.year(), p.decisionNumber(), p.decisionDate()))
                    .toList();
            boolean pending = all.stream().anyMatch(p -> p.level() == level && p.status() == ProposalStatus.PENDING);
            rungs.add(new Rung(level, done, pending));
        }
        return rungs;
    }
}
