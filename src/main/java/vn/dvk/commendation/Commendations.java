package vn.dvk.commendation;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Commendations extends JpaRepository<Commendation, Long> {

    @Query(
            value = "select c.* from commendation_commendation c join unit_scope u on u.id = c.unit_id "
                    + "where u.path like concat(:prefix, '%') order by c.decision_date desc, c.id desc",
            countQuery = "select count(*) from commendation_commendation c join unit_scope u on u.id = c.unit_id "
                    + "where u.path like concat(:prefix, '%')",
            nativeQuery = true)
    Page<Commendation> findInSubtree(String prefix, Pageable pageable);

    @Query(
            value =
                    "select c.* from commendation_commendation c join commendation_model cm on cm.commendation_id = c.id "
                            + "where cm.model_id = :modelId order by c.decision_date desc, c.id desc",
            nativeQuery = true)
    List<Commendation> findByModel(Long modelId);
}
