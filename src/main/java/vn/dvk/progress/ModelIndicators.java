package vn.dvk.progress;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ModelIndicators extends JpaRepository<ModelIndicator, Long> {

    List<ModelIndicator> findByModelIdOrderByIdAsc(Long modelId);

    Optional<ModelIndicator> findByModelIdAndIndicatorId(Long modelId, Long indicatorId);
}
