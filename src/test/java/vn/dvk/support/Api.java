package vn.dvk.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the JSON API, as any outside client would use it. */
public final class Api {

    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 100000);
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final String clientAddress;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public Api(String base) {
        this(base, null);
    }

    private Api(String base, String clientAddress) {
        this.base = base;
        this.clientAddress = clientAddress;
    }

    /**
     * The same server reached by a client at {@code address}, as a reverse proxy reports it ({@code X-Forwarded-For},
     * trusted from the test's loopback address): for limits counted per client address.
     */
    public Api from(String address) {
        return new Api(base, address);
    }

    /** A response: status, headers and the body parsed as JSON when it is JSON. */
    public record Res(int status, JsonNode json, String body, HttpResponse<String> raw) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        /** The field names of a problem's {@code errors}. */
        public List<String> errorFields() {
            if (json == null || !json.has("errors")) {
                return List.of();
            }
            return json.get("errors")
                    .valueStream()
                    .map(e -> e.get("field").asString())
                    .toList();
        }
    }

    /** A unique suffix for codes and usernames, so that tests never collide. */
    public static String unique(String prefix) {
        return prefix + SEQ.incrementAndGet();
    }

    public String base() {
        return base;
    }

    public String token(String username, String password) {
        Res r = post("/api/v1/auth/token", Map.of("username", username, "password", password), null);
        if (r.status() != 200) {
            throw new AssertionError("sign-in of " + username + " failed: " + r.status() + " " + r.body());
        }
        return r.json().get("token").asString();
    }

    public Res get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), token);
    }

    public Res post(String path, Object body, String token) {
        return sendJson("POST", path, body, token);
    }

    /** A JSON POST with one more request header (e.g. {@code Idempotency-Key}). */
    public Res post(String path, Object body, String token, String header, String value) {
        String text = body == null ? "" : body instanceof String s ? s : JSON.writeValueAsString(body);
        return send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/json")
                        .header(header, value)
                        .POST(HttpRequest.BodyPublishers.ofString(text)),
                token);
    }

    public Res put(String path, Object body, String token) {
        return sendJson("PUT", path, body, token);
    }

    public Res delete(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE(), token);
    }

    /** A conditional GET: {@code If-None-Match} with the validator of an earlier answer. */
    public Res getIfNoneMatch(String path, String token, String etag) {
        return send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("If-None-Match", etag)
                        .GET(),
                token);
    }

    /** A GET with one more request header. */
    public Res getWithHeader(String path, String token, String name, String value) {
        return send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header(name, value)
                        .GET(),
                token);
    }

    /** Sends a request with a raw {@code Authorization} header value (or none when null). */
    public Res getWithAuthorization(String path, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return send(b, null);
    }

    public Res postRaw(String path, String rawBody, String token) {
        return send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(rawBody)),
                token);
    }

    private Res sendJson(String method, String path, Object body, String token) {
        String text = body == null ? "" : body instanceof String s ? s : JSON.writeValueAsString(body);
        return send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(text)),
                token);
    }

    private Res send(HttpRequest.Builder builder, String token) {
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        builder.header("Accept", "application/json, application/problem+json");
        if (clientAddress != null) {
            builder.header("X-Forwarded-For", clientAddress);
        }
        try {
            HttpResponse<String> r = http.send(
                    builder.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode json = null;
            String ct = r.headers().firstValue("Content-Type").orElse("");
            if (ct.contains("json") && !r.body().isEmpty()) {
                json = JSON.readTree(r.body());
            }
            return new Res(r.statusCode(), json, r.body(), r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A binary response (a workbook, a PDF, a DOCX): status, content type and the bytes. */
    public record Bytes(int status, String contentType, byte[] body) {}

    /** GET of a file with a bearer token (or none). */
    public Bytes getBytes(String path, String token) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(base + path)).GET().timeout(Duration.ofSeconds(120));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Bytes(
                    r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
