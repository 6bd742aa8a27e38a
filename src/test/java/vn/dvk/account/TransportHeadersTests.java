package vn.dvk.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.dvk.support.IntegrationTest;

/**
 * Behind the TLS-ending proxy: a request the proxy marks {@code X-Forwarded-Proto: https} gets HSTS and a Secure
 * session cookie; a plain one gets neither. nosniff and frame-ancestors are on everything.
 */
class TransportHeadersTests extends IntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void httpsThroughTheProxyGetsHstsAndASecureCookie() throws Exception {
        HttpResponse<String> page = get("/login", "https");
        assertThat(page.statusCode()).isEqualTo(200);
        String hsts = page.headers().firstValue("Strict-Transport-Security").orElseThrow();
        assertThat(hsts).contains("max-age=31536000").contains("includeSubDomains");
        assertThat(sessionCookie(page)).contains("Secure").contains("HttpOnly");

        HttpResponse<String> api = get("/api/v1/models", "https");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Strict-Transport-Security")).isPresent();
    }

    @Test
    void plainHttpGetsNoHstsAndNoSecureCookie() throws Exception {
        HttpResponse<String> page = get("/login", null);
        assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(sessionCookie(page)).contains("HttpOnly").doesNotContain("Secure");
        assertThat(get("/api/v1/models", null).headers().firstValue("Strict-Transport-Security"))
                .isEmpty();
    }

    @Test
    void pagesAndApiForbidSniffingAndFraming() throws Exception {
        for (String path : List.of("/login", "/api/v1/models")) {
            HttpResponse<String> r = get(path, null);
            assertThat(r.headers().firstValue("X-Content-Type-Options"))
                    .as(path)
                    .contains("nosniff");
            assertThat(r.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
            assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow())
                    .as(path)
                    .contains("frame-ancestors 'none'");
        }
    }

    private HttpResponse<String> get(String path, String forwardedProto) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET();
        if (forwardedProto != null) {
            b.header("X-Forwarded-Proto", forwardedProto);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sessionCookie(HttpResponse<String> r) {
        return r.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("SESSION="))
                .findFirst()
                .orElseThrow(() ->
                        new AssertionError("no SESSION cookie in " + r.headers().map()));
    }
}
