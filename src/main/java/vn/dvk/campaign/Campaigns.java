package vn.dvk.campaign;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The campaigns. */
interface Campaigns extends JpaRepository<Campaign, Long> {

    List<Campaign> findByUnitIdAndYear(Long unitId, int year);

    List<Campaign> findByUnitIdInAndYearOrderByRegistrationOpensAscIdAsc(Collection<Long> unitIds, int year);

    List<Campaign> findByUnitIdInOrderByYearDescRegistrationOpensAscIdAsc(Collection<Long> unitIds);
}
