package vn.dvk.recognition.criteria;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import vn.dvk.shared.Level;

public interface CriteriaSets extends JpaRepository<CriteriaSet, Long> {

    @Query("select s from CriteriaSet s where s.example = true or s.unitId in ?1 order by s.example desc, s.level,"
            + " s.effectiveFrom desc, s.id desc")
    List<CriteriaSet> findExampleOrIssuedBy(List<Long> unitIds);

    List<CriteriaSet> findByUnitIdInAndLevelOrderByEffectiveFromDesc(List<Long> unitIds, Level level);

    boolean existsByUnitIdAndLevelAndEffectiveFrom(Long unitId, Level level, LocalDate from);
}
