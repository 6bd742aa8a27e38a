package vn.dvk.progress;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface Evidences extends JpaRepository<Evidence, Long> {

    List<Evidence> findByReportIdInOrderByIdAsc(Collection<Long> reportIds);

    List<Evidence> findByModelIdAndPublicPhotoTrueOrderByIdAsc(Long modelId);

    /** The one change an evidence row knows (the entity is otherwise immutable): whether its photo is public. */
    @org.springframework.data.jpa.repository.Modifying(clearAutomatically = true)
    @org.springframework.data.jpa.repository.Query(
            value = "update progress_evidence set public_photo = :shown" + " where id = :id",
            nativeQuery = true)
    int showInPublic(
            @org.springframework.data.repository.query.Param("id") Long id,
            @org.springframework.data.repository.query.Param("shown") boolean shown);
}
