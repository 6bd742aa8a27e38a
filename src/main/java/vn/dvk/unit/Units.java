package vn.dvk.unit;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Units extends JpaRepository<Unit, Long> {

    Optional<Unit> findByCode(String code);

    /** Units with their parent's code, in one query: [Unit, String]. */
    @Query("select u, p.code from Unit u left join Unit p on p.id = u.parentId where u.id in :ids")
    List<Object[]> findWithParentCode(Collection<Long> ids);

    boolean existsByCode(String code);

    List<Unit> findByParentIdOrderByName(Long parentId);

    @Query("select u from Unit u where u.path like concat(:prefix, '%') order by u.path")
    Page<Unit> findSubtree(String prefix, Pageable pageable);

    @Query("select u from Unit u where u.path like concat(:prefix, '%') and u.level = :level order by u.path")
    Page<Unit> findSubtreeAtLevel(String prefix, vn.dvk.shared.Level level, Pageable pageable);

    @Query(
            "select u from Unit u where u.path like concat(:prefix, '%') and (lower(u.code) like :q or lower(u.name) like :q) order by u.path")
    Page<Unit> searchSubtree(String prefix, String q, Pageable pageable);

    @Query("select u from Unit u where u.path like concat(:prefix, '%') order by u.path")
    List<Unit> findAllInSubtree(String prefix);
}
