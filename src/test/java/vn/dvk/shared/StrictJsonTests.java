package vn.dvk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.World;

/**
 * What the long fuzzing run (82,308 bodies) found Jackson or the sign-in taking too leniently: a choice sent as its
 * position, a year with a fraction, a date of a year no database holds, a password with half a character.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrictJsonTests extends IntegrationTest {

    private World w;

    @BeforeAll
    void world() {
        w = new World(api());
    }

    @Test
    void aChoiceSentAsItsPositionAndAYearWithAFractionAreRefusedNamingTheField() {
        // given registrations whose origin is 0 (the first choice's position) or whose year is 2024.5
        String title = Api.unique("Mô hình số lạ ");
        Map<String, Object> byPosition = World.registration(title, w.communeA, "DISTRICT", "ECONOMY");
        byPosition.put("origin", 0);
        Map<String, Object> fraction = World.registration(title, w.communeA, "DISTRICT", "ECONOMY");
        fraction.put("year", 2024.5);

        // when they are sent
        Api.Res position = api().post("/api/v1/models", byPosition, w.token("reporterA"));
        Api.Res half = api().post("/api/v1/models", fraction, w.token("reporterA"));

        // then each is a 400 naming its field, and no model was made
        assertThat(position.status()).isEqualTo(400);
        assertThat(position.errorFields()).contains("origin");
        assertThat(half.status()).isEqualTo(400);
        assertThat(half.errorFields()).contains("year");
        assertThat(api().get("/api/v1/models?q=" + Api.q(title), w.token("reporterA"))
                        .json()
                        .get("page")
                        .get("totalElements")
                        .asInt())
                .isZero();
    }

    @Test
    void aYesOrNoSentAsTextIsRefusedNamingTheField() {
        // when an indicator is created with "active" as a blank text, or the text "null"
        for (String active : new String[] {"\"\"", "\"null\"", "\"true\""}) {
            Api.Res res = api().postRaw(
                            "/api/v1/indicators",
                            "{\"code\":\"" + Api.unique("YN") + "\",\"name\":\"Số hộ\","
                                    + "\"measure\":\"hộ\",\"kind\":\"COUNT\",\"active\":" + active + "}",
                            w.adminToken);

            // then it is a 400 naming the field, not an indicator quietly made active
            assertThat(res.status()).as(active).isEqualTo(400);
            assertThat(res.errorFields()).as(active).contains("active");
        }
    }

    @Test
    void aDateOfAYearNoDatabaseHoldsIsRefusedNamingTheField() {
        // when an inspection is planned for the year -999999999, or 10000
        for (String day : new String[] {"-999999999-01-01", "+10000-01-01", "1899-12-31"}) {
            Api.Res res = api().post(
                            "/api/v1/inspections",
                            Map.of(
                                    "unitCode",
                                    w.communeA,
                                    "plannedOn",
                                    day,
                                    "purpose",
                                    "Kiểm tra",
                                    "members",
                                    List.of("Nguyễn Văn An")),
                            w.token("appraiserP"));

            // then it is a 400 naming the date
            assertThat(res.status()).as(day).isEqualTo(400);
            assertThat(res.errorFields()).as(day).contains("plannedOn");
        }
    }

    @Test
    void aPasswordWithHalfACharacterIsAWrongPasswordNotAServerError() {
        // when someone signs in with a lone surrogate in the password, or in the username
        Api.Res password = api().postRaw(
                        "/api/v1/auth/token",
                        "{\"username\":\"" + w.username("reporterA") + "\",\"password\":\"\\ud800\"}",
                        null);
        Api.Res username =
                api().postRaw("/api/v1/auth/token", "{\"username\":\"\\udfff abc\",\"password\":\"x\"}", null);

        // then both are refused as wrong credentials
        assertThat(password.status()).isEqualTo(401);
        assertThat(username.status()).isEqualTo(401);
        assertThat(password.contentType()).startsWith("application/problem+json");
    }
}
