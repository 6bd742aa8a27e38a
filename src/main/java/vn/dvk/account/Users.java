package vn.dvk.account;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Users extends JpaRepository<User, Long> {

    Optional<User> findByUsername(String username);

    boolean existsByUsername(String username);

    java.util.List<User> findByUnitId(Long unitId);

    @Query(value = "select u.* from account_user u join unit_unit x on x.id = u.unit_id "
            + "where x.path like concat(:prefix, '%') order by u.username",
           countQuery = "select count(*) from account_user u join unit_unit x on x.id = u.unit_id "
            + "where x.path like concat(:prefix, '%')",
           nativeQuery = true)
    Page<User> findInSubtree(String prefix, Pageable pageable);
}
