package vn.dvk.recognition.round;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface Assignments extends JpaRepository<Assignment, Long> {

    List<Assignment> findByRoundIdOrderByIdAsc(Long roundId);

    Optional<Assignment> findByProposalIdAndScorer(Long proposalId, String scorer);

    List<Assignment> findByProposalIdOrderByIdAsc(Long proposalId);
}
