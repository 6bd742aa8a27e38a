package vn.dvk.support;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Users made for the sign-in tests (viewers of the root unit), and the sign-in entries of the audit trail on them. */
public final class SignInTrail {

    private final Api api;
    private final JdbcTemplate jdbc;
    private final String adminToken;

    public SignInTrail(Api api, JdbcTemplate jdbc) {
        this.api = api;
        this.jdbc = jdbc;
        this.adminToken = api.token("admin", IntegrationTest.ADMIN_PASSWORD);
    }

    /** A new enabled user, with {@link IntegrationTest#PASSWORD}; returns its username. */
    public String newUser(String prefix, String fullName) {
        String name = Api.unique(prefix);
        Api.Res r = api.post(
                "/api/v1/users",
                Map.of(
                        "username",
                        name,
                        "password",
                        IntegrationTest.PASSWORD,
                        "fullName",
                        fullName,
                        "unitCode",
                        "TW",
                        "roles",
                        List.of("VIEWER")),
                adminToken);
        if (r.status() != 201) {
            throw new AssertionError("user " + name + ": " + r.status() + " " + r.body());
        }
        return name;
    }

    public long idOf(String username) {
        return jdbc.queryForObject("select id from account_user where username = ?", Long.class, username);
    }

    /** The user's sign-in entries, oldest first: {@code actor action to_state comment}. */
    public List<String> entries(long userId) {
        return jdbc.queryForList(
                "select concat(actor, ' ', action, ' ', coalesce(to_state, 'null'), ' ', comment)"
                        + " from shared_audit_entry where subject_type = 'USER' and subject_id = ? and action like 'SIGN%'"
                        + " order by id",
                String.class, userId);
    }
}
