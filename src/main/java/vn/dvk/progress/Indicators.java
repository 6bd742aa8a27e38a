package vn.dvk.progress;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface Indicators extends JpaRepository<Indicator, Long> {

    Optional<Indicator> findByCode(String code);

    List<Indicator> findByCodeIn(Collection<String> codes);

    List<Indicator> findAllByOrderByNameAsc();
}
