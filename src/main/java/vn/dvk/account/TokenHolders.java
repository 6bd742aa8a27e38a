package vn.dvk.account;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.dvk.shared.Role;

/**
 * The user behind a bearer token, read on every API request: the token, its user and the user's roles in one
 * statement (one connection from the pool, no entities made), where loading the token and then the user through
 * the repositories took two or three statements and a transaction each (docs/PERFORMANCE.md, seventh round).
 */
@Component
class TokenHolders {

    /** What a request needs of the holder of a valid token. */
    record Holder(Long userId, String username, String fullName, Long unitId, Set<Role> roles) {}

    private static final String HOLDER = """
            select u.id, u.username, u.full_name, u.unit_id, t.expires_at, r.role
              from account_token t
              join account_user u on u.id = t.user_id
              left join account_user_role r on r.user_id = u.id
             where t.token_hash = ? and t.revoked = false and u.enabled = true""";

    private final JdbcTemplate jdbc;

    TokenHolders(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The enabled user holding the unrevoked token of this hash, when it has not expired at {@code now}. */
    Optional<Holder> holderOf(String tokenHash, Instant now) {
        return Optional.ofNullable(jdbc.query(
                HOLDER,
                rs -> {
                    if (!rs.next()
                            || !now.isBefore(
                                    rs.getObject(5, OffsetDateTime.class).toInstant())) {
                        return null;
                    }
                    Set<Role> roles = EnumSet.noneOf(Role.class);
                    long userId = rs.getLong(1);
                    String username = rs.getString(2);
                    String fullName = rs.getString(3);
                    long unitId = rs.getLong(4);
                    do {
                        if (rs.getString(6) != null) {
                            roles.add(Role.valueOf(rs.getString(6)));
                        }
                    } while (rs.next());
                    return new Holder(userId, username, fullName, unitId, Set.copyOf(roles));
                },
                tokenHash));
    }
}
