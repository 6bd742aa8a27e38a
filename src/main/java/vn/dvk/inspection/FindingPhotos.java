package vn.dvk.inspection;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface FindingPhotos extends JpaRepository<FindingPhoto, Long> {

    List<FindingPhoto> findByFindingIdInOrderByIdAsc(Collection<Long> findingIds);
}
