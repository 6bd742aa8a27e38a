package vn.dvk.progress;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProgressReports extends JpaRepository<ProgressReport, Long> {

    List<ProgressReport> findByModelIdOrderByAsOfAscIdAsc(Long modelId);
}
