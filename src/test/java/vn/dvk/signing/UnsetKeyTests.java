package vn.dvk.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import vn.dvk.shared.Actor;
import vn.dvk.shared.AuditTrail;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;
import vn.dvk.shared.Role;
import vn.dvk.unit.UnitDirectory;
import vn.dvk.unit.UnitKind;
import vn.dvk.unit.UnitRef;

/** Without DVK_SIGNING_KEY, an administrator's upload is refused with the message naming it, and nothing is written. */
class UnsetKeyTests {

    private record Admin(
            Long userId,
            String username,
            String fullName,
            Long unitId,
            String unitCode,
            String unitName,
            String unitPath,
            Level unitLevel,
            Set<Role> roles)
            implements Actor {}

    @Test
    void anUploadIsRefusedWithoutTheKeyAndNothingIsWritten() {
        // given a server without the key, and an administrator of the province
        UnitDirectory units = mock(UnitDirectory.class);
        UnitRef province = new UnitRef(5L, "P", "Tỉnh P", Level.PROVINCE, UnitKind.AREA, "/1/5/", 1L, "TW", null, null);
        Actor admin =
                new Admin(9L, "quantri", "Quản trị", 5L, "P", "Tỉnh P", "/1/5/", Level.PROVINCE, Set.of(Role.ADMIN));
        when(units.visibleTo(any(), eq("P"))).thenReturn(province);
        NamedParameterJdbcTemplate jdbc = mock(NamedParameterJdbcTemplate.class);
        AuditTrail audit = mock(AuditTrail.class);
        SigningCertificateRegistry registry =
                new SigningCertificateRegistry(jdbc, units, audit, Clock.systemUTC(), new SigningProperties(""));

        // when a valid certificate is uploaded
        // then 409 with signing.key.unset, and neither the database nor the trail is touched
        assertThat(registry.configured()).isFalse();
        assertThatThrownBy(() -> registry.upload(
                        admin, "P", TestCertificates.rsa("Không khóa").p12(), TestCertificates.PASSWORD, null, null))
                .isInstanceOfSatisfying(
                        Problems.Conflict.class, c -> assertThat(c.messageKey()).isEqualTo("signing.key.unset"));
        verifyNoInteractions(jdbc, audit);
    }
}
