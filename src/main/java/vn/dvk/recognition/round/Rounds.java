package vn.dvk.recognition.round;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import vn.dvk.recognition.criteria.CriteriaSetUse;
import vn.dvk.shared.Level;

public interface Rounds extends JpaRepository<Round, Long>, CriteriaSetUse {

    boolean existsByUnitIdAndLevelAndYear(Long unitId, Level level, int year);

    List<Round> findByLevelAndYearAndDecisionNumberIsNull(Level level, int year);

    boolean existsByCriteriaSetId(Long criteriaSetId);

    /** A set is in use once a round scores by it. */
    @Override
    default boolean inUse(Long criteriaSetId) {
        return existsByCriteriaSetId(criteriaSetId);
    }
}
