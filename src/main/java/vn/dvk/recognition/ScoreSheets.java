package vn.dvk.recognition;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ScoreSheets extends JpaRepository<ScoreSheet, Long> {

    boolean existsByProposalIdAndScorer(Long proposalId, String scorer);

    List<ScoreSheet> findByProposalIdOrderByIdAsc(Long proposalId);
}
