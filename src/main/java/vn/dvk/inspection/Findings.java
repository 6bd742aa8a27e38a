package vn.dvk.inspection;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface Findings extends JpaRepository<Finding, Long> {

    List<Finding> findByInspectionIdOrderByIdAsc(Long inspectionId);

    long countByInspectionId(Long inspectionId);
}
