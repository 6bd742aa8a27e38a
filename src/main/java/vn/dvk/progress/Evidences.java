package vn.dvk.progress;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Evidences extends JpaRepository<Evidence, Long> {

    List<Evidence> findByReportIdInOrderByIdAsc(Collection<Long> reportIds);

    List<Evidence> findByModelIdAndPublicPhotoTrueOrderByIdAsc(Long modelId);

    /** The one change an evidence row knows (the entity is otherwise immutable): whether its photo is public. */
    @Modifying(clearAutomatically = true)
    @Query(value = "update progress_evidence set public_photo = :shown" + " where id = :id", nativeQuery = true)
    int showInPublic(@Param("id") Long id, @Param("shown") boolean shown);
}
