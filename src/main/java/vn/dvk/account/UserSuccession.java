package vn.dvk.account;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.dvk.shared.AuditTrail;
import vn.dvk.unit.UnitsReorganized;

/** Users of a unit that ends in a reorganization move to its successor, which sees all the unit's history. */
@Component
class UserSuccession {

    private final Users users;
    private final AuditTrail audit;
    private final NamedParameterJdbcTemplate jdbc;

    UserSuccession(Users users, AuditTrail audit, NamedParameterJdbcTemplate jdbc) {
        this.users = users;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    @EventListener
    void on(UnitsReorganized event) {
        for (UnitsReorganized.Moved moved : event.moved()) {
            MapSqlParameterSource p = new MapSqlParameterSource();
            Integer n = jdbc.queryForObject(
                    "select count(*) from account_user u where "
                            + moved.formerSubtree().condition("u.unit_id", p),
                    p,
                    Integer.class);
            event.report().carried(moved.code(), "users", n == null ? 0 : n);
        }
        for (UnitsReorganized.Ended ended : event.ended()) {
            int moved = 0;
            for (User user : users.findByUnitId(ended.unitId())) {
                user.moveTo(ended.successorId());
                audit.record(
                        event.actor().username(),
                        "USER",
                        user.getId(),
                        "MOVE_UNIT",
                        ended.code(),
                        ended.successorCode(),
                        "#" + event.reorganizationId());
                moved++;
            }
            if (moved > 0) {
                event.report()
                        .add(
                                "usersMoved",
                                moved,
                                moved + " người dùng của " + ended.code() + " → " + ended.successorCode());
            }
        }
        users.flush();
    }
}
