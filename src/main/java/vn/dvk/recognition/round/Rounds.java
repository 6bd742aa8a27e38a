package vn.dvk.recognition.round;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import vn.dvk.shared.Level;

public interface Rounds extends JpaRepository<Round, Long> {

    boolean existsByUnitIdAndLevelAndYear(Long unitId, Level level, int year);

    List<Round> findByLevelAndYearAndDecisionNumberIsNull(Level level, int year);

    boolean existsByCriteriaSetId(Long criteriaSetId);
}
