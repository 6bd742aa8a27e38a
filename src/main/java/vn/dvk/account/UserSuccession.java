package vn.dvk.account;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.dvk.shared.AuditTrail;
import vn.dvk.unit.UnitsReorganized;

/** Users of a unit that ends in a reorganization move to its successor, which sees all the unit's history. */
@Component
class UserSuccession {

    private final Users users;
    private final AuditTrail audit;

    UserSuccession(Users users, AuditTrail audit) {
        this.users = users;
        this.audit = audit;
    }

    @EventListener
    void on(UnitsReorganized event) {
        for (UnitsReorganized.Ended ended : event.ended()) {
            int moved = 0;
            for (User user : users.findByUnitId(ended.unitId())) {
                user.moveTo(ended.successorId());
                audit.record(event.actor().username(), "USER", user.getId(), "MOVE_UNIT", ended.code(),
                        ended.successorCode(), "#" + event.reorganizationId());
                moved++;
            }
            if (moved > 0) {
                event.report().add("usersMoved", moved, moved + " người dùng của " + ended.code() + " → "
                        + ended.successorCode());
            }
        }
        users.flush();
    }
}
