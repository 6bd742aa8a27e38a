package vn.dvk.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Users extends JpaRepository<User, Long> {

    Optional<User> findByUsername(String username);

    /** Username, full name and unit id of each of these users (no roles loaded). */
    @Query("select u.username, u.fullName, u.unitId from User u where u.username in :usernames")
    List<Object[]> namesOf(Collection<String> usernames);

    boolean existsByUsername(String username);

    /** The users holding an e-mail address, whatever its case (single sign-on by {@code email}). */
    List<User> findByEmailIgnoreCase(String email);

    List<User> findByUnitId(Long unitId);

    /** The enabled users of one unit holding a role (e.g. the reporters of a model's unit). */
    @Query(
            value = "select u.* from account_user u join account_user_role r on r.user_id = u.id"
                    + " where u.unit_id = :unitId and r.role = :role and u.enabled order by u.id",
            nativeQuery = true)
    List<User> findEnabledInUnitWithRole(Long unitId, String role);

    @Query(
            value = "select u.* from account_user u join unit_scope x on x.id = u.unit_id "
                    + "where x.path like concat(:prefix, '%') order by u.username",
            countQuery = "select count(*) from account_user u join unit_scope x on x.id = u.unit_id "
                    + "where x.path like concat(:prefix, '%')",
            nativeQuery = true)
    Page<User> findInSubtree(String prefix, Pageable pageable);
}
