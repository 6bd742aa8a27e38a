package vn.dvk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;

class OpenApiTests extends IntegrationTest {

    @Test
    void theOpenApiDocumentListsEveryPathOfTheContract() {
        // given the running application
        // when anyone fetches the OpenAPI document
        Api.Res docs = api().get("/v3/api-docs", null);

        // then it is served without signing in and lists each path of DESIGN.md's HTTP API
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("openapi").asString()).startsWith("3.");
        JsonNode paths = docs.json().get("paths");
        List<String> listed = new ArrayList<>(paths.propertyNames());
        assertThat(listed)
                .contains(
                        "/api/v1/auth/token",
                        "/api/v1/units",
                        "/api/v1/units/{code}",
                        "/api/v1/users",
                        "/api/v1/models",
                        "/api/v1/models/{id}",
                        "/api/v1/models/{id}/submit",
                        "/api/v1/models/{id}/appraisal",
                        "/api/v1/models/{id}/progress-reports",
                        "/api/v1/models/{id}/recognition-proposals",
                        "/api/v1/recognition-proposals/{id}/scores",
                        "/api/v1/recognition-proposals/{id}/decision",
                        "/api/v1/models/{id}/reviews",
                        "/api/v1/commendations",
                        "/api/v1/statistics",
                        "/api/v1/imports/templates/{kind}.xlsx",
                        "/api/v1/imports/{kind}",
                        "/api/v1/units/{code}/signing-certificate",
                        "/api/v1/documents/verify");
        // and with the methods the contract gives them
        assertThat(paths.get("/api/v1/auth/token").has("post")).isTrue();
        assertThat(paths.get("/api/v1/models").has("get")).isTrue();
        assertThat(paths.get("/api/v1/models").has("post")).isTrue();
        assertThat(paths.get("/api/v1/models/{id}").has("get")).isTrue();
        assertThat(paths.get("/api/v1/models/{id}").has("put")).isTrue();
        assertThat(paths.get("/api/v1/models/{id}/appraisal").has("post")).isTrue();
        assertThat(paths.get("/api/v1/recognition-proposals/{id}/decision").has("post"))
                .isTrue();
        assertThat(paths.get("/api/v1/statistics").has("get")).isTrue();
        assertThat(paths.get("/api/v1/imports/{kind}").has("post")).isTrue();
        // and only the API is documented, not the pages
        assertThat(listed).allMatch(p -> p.startsWith("/api/"));
        // every POST that takes one names the optional Idempotency-Key header; signing in does not
        assertThat(paths.get("/api/v1/models")
                        .get("post")
                        .get("parameters")
                        .valueStream()
                        .map(p -> p.get("in").asString() + ":" + p.get("name").asString()))
                .contains("header:Idempotency-Key");
        assertThat(paths.get("/api/v1/auth/token")
                        .get("post")
                        .path("parameters")
                        .valueStream()
                        .map(p -> p.get("name").asString()))
                .doesNotContain("Idempotency-Key");
    }
}
