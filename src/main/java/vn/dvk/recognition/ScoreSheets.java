package vn.dvk.recognition;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ScoreSheets extends JpaRepository<ScoreSheet, Long> {

    boolean existsByProposalIdAndScorer(Long proposalId, String scorer);

    List<ScoreSheet> findByProposalIdOrderByIdAsc(Long proposalId);

    List<ScoreSheet> findByProposalIdInOrderByIdAsc(java.util.Collection<Long> proposalIds);

    java.util.Optional<ScoreSheet> findByProposalIdAndScorer(Long proposalId, String scorer);
}
