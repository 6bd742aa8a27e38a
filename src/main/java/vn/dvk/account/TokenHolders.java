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
    record Holder(Long userId, String username, String fullName, Long unitId, Set<Role> roles) {
    }

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
        return Optional.ofNullable(jdbc.query(HOLDER, rs -> {
            Holder holder = null;
            Set<Role> roles = EnumSet.noneOf(Role.class);
            while (rs.next()) {
                if (!now.isBefore(rs.getObject(5, OffsetDateTime.class).toInstant())) {
                    return null;
                }
                if (holder == null) {
                    holder = new Holder(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), roles);
                }
                String role = rs.getString(6);
                if (role != null) {
                    roles.add(Role.valueOf(role));
                }
            }
            return holder == null ? null : new Holder(holder.userId(), holder.username(), holder.fullName(),
                    holder.unitId(), Set.copyOf(roles));
        }, tokenHash));
    }
}
