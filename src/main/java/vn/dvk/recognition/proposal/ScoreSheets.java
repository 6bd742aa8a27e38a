package vn.dvk.recognition.proposal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ScoreSheets extends JpaRepository<ScoreSheet, Long> {

    boolean existsByProposalIdAndScorer(Long proposalId, String scorer);

    List<ScoreSheet> findByProposalIdOrderByIdAsc(Long proposalId);

    List<ScoreSheet> findByProposalIdInOrderByIdAsc(Collection<Long> proposalIds);

    Optional<ScoreSheet> findByProposalIdAndScorer(Long proposalId, String scorer);
}
