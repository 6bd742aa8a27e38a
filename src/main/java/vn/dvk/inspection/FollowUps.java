package vn.dvk.inspection;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface FollowUps extends JpaRepository<FollowUp, Long> {

    List<FollowUp> findByInspectionIdOrderByIdAsc(Long inspectionId);
}
