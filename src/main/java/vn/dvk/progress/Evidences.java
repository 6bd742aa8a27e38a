package vn.dvk.progress;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface Evidences extends JpaRepository<Evidence, Long> {

    List<Evidence> findByReportIdInOrderByIdAsc(Collection<Long> reportIds);
}
