package vn.dvk.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.World;

/**
 * Single sign-on by {@code dvk.sso.match-claim=email} against the database: the provider's address names the one
 * DVK user holding it, whatever its case; an address two users share names no one.
 */
class SsoByEmailTests extends IntegrationTest {

    @Autowired
    Users users;

    @Test
    void theAddressNamesTheOneUserHoldingItAndASharedAddressNoOne() {
        // given a user with an address of their own, and two users sharing another (both unique to this run)
        World w = new World(api());
        String own = Api.unique("cb.tinh") + "@congvu.test";
        String shared = Api.unique("chung") + "@congvu.test";
        String username = user(w, own);
        user(w, shared);
        user(w, shared);
        SsoDirectory byEmail = SsoDirectory.of(SsoSettings.MatchClaim.EMAIL, users);

        // when the provider names each address (the own one in other letters' case)
        // then the own address finds its user, the shared and an unknown one no one
        assertThat(byEmail.find(own.toUpperCase())).map(User::getUsername).contains(username);
        assertThat(byEmail.find(shared)).isEmpty();
        assertThat(byEmail.find("khong.co." + own)).isEmpty();
    }

    private String user(World w, String email) {
        String username = Api.unique("sso");
        Map<String, Object> body = new LinkedHashMap<>(Map.of(
                "username",
                username,
                "password",
                PASSWORD,
                "fullName",
                "Cán bộ tỉnh",
                "unitCode",
                w.communeA,
                "roles",
                List.of("REPORTER"),
                "email",
                email));
        Api.Res r = w.api.post("/api/v1/users", body, w.adminToken);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return username;
    }
}
