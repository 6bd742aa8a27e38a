package vn.dvk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.Multipart;

/**
 * A request that Tomcat refuses before the application sees it (a request line or a header longer than the
 * connector takes) is answered with problem details, not Tomcat's HTML page — found by the long fuzzing run.
 */
class UnreadableRequestTests extends IntegrationTest {

    @Test
    void aQueryLongerThanTheConnectorTakesIsAProblemNotAnHtmlPage() {
        // given a search of 5,001 accented letters (45 KB once encoded in the address)
        String q = URLEncoder.encode("ệ".repeat(5_001), StandardCharsets.UTF_8);

        // when it is sent
        Api.Res res = api().get("/api/v1/models?q=" + q, null);

        // then the answer is a 4xx problem that says why, in both languages
        assertThat(res.status()).isBetween(400, 431);
        assertThat(res.contentType()).startsWith("application/problem+json");
        assertThat(res.json().get("status").asInt()).isEqualTo(res.status());
        assertThat(res.json().get("detail").asString()).contains("quá dài").contains("too long");
    }

    @Test
    void aHeaderLongerThanTheConnectorTakesIsAProblemToo() {
        // when a request carries a 20 KB header
        Api.Res res = api().getWithHeader("/api/v1/users/me", null, "X-Padding", "a".repeat(20_000));

        // then it is refused with problem details as well
        assertThat(res.status()).isBetween(400, 431);
        assertThat(res.contentType()).startsWith("application/problem+json");
        assertThat(res.json().get("title").asString()).isEqualTo("Yêu cầu không hợp lệ");
    }

    @Test
    void anUploadWhosePartHeadersAreTooLongIsAProblemToo() {
        // given an upload with a field whose name is a thousand characters long (the container takes 512 bytes)
        Multipart upload = new Multipart().field("x".repeat(1_000), "a").file("photos", "anh.png", Multipart.png());

        // when it is sent to an upload endpoint
        Api.Res res = upload.post(api(), "/api/v1/inspections/1/findings", api().token("admin", ADMIN_PASSWORD));

        // then the refusal is a problem, not the container's HTML page
        assertThat(res.status()).isBetween(400, 431);
        assertThat(res.contentType()).startsWith("application/problem+json");
        assertThat(res.json().get("status").asInt()).isEqualTo(res.status());
    }
}
