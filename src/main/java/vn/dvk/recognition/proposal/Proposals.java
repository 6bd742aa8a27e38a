package vn.dvk.recognition.proposal;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Proposals extends JpaRepository<Proposal, Long> {

    boolean existsByModelIdAndLevelAndYear(Long modelId, vn.dvk.shared.Level level, int year);

    List<Proposal> findByModelIdOrderByIdAsc(Long modelId);

    List<Proposal> findByRoundIdOrderByIdAsc(Long roundId);

    List<Proposal> findByModelIdInAndStatusOrderByDecisionDateAscIdAsc(
            Collection<Long> modelIds, ProposalStatus status);
}
