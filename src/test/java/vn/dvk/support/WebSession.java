package vn.dvk.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.web.util.HtmlUtils;

/** A person using the pages over plain HTTP: a cookie jar, the CSRF token of the last page, form posts. */
public final class WebSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;
    private String csrf;

    public WebSession(String base) {
        this(
                base,
                HttpClient.newBuilder()
                        .cookieHandler(new CookieManager())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build());
    }

    private WebSession(String base, HttpClient http) {
        this.base = base;
        this.http = http;
    }

    /** The same browser (same cookies) talking to another node of the application. */
    public WebSession on(String otherBase) {
        WebSession other = new WebSession(otherBase, http);
        other.csrf = csrf;
        return other;
    }

    /** A page response: status, body, where a redirect points, and its validator ({@code ETag}) if any. */
    public record Page(int status, String body, String location, String etag) {

        /** The body with HTML entities decoded, as a person would read it. */
        public String text() {
            return HtmlUtils.htmlUnescape(body);
        }
    }

    public static WebSession signedIn(String base, String username, String password) {
        WebSession s = new WebSession(base);
        Page result = s.signIn(username, password);
        if (result.status() != 302 || !result.location().endsWith("/")) {
            throw new AssertionError(
                    "sign-in of " + username + " failed: " + result.status() + " " + result.location());
        }
        return s;
    }

    public Page signIn(String username, String password) {
        get("/login");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("password", password);
        return post("/login", form);
    }

    public Page get(String path) {
        Page page = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        Matcher m = CSRF.matcher(page.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return page;
    }

    /** A conditional GET, as a browser revalidates the copy it has. */
    public Page getIfNoneMatch(String path, String etag) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("If-None-Match", etag)
                .GET());
    }

    /** Posts a form with the CSRF token of the last page read. */
    public Page post(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrf != null) {
            all.put("_csrf", csrf);
        }
        return postRaw(path, all);
    }

    /** Posts a form whose fields may repeat (a list of name-value pairs), with the CSRF token of the last page read. */
    public Page post(String path, List<Map.Entry<String, String>> fields) {
        List<Map.Entry<String, String>> all = new ArrayList<>(fields);
        if (csrf != null) {
            all.add(Map.entry("_csrf", csrf));
        }
        return postEntries(path, all);
    }

    /** Posts a multipart form (files and fields) with the CSRF token of the last page read. */
    public Page post(String path, Multipart parts) {
        if (csrf != null) {
            parts.field("_csrf", csrf);
        }
        String boundary = "----dvk" + UUID.randomUUID();
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(parts.body(boundary))));
    }

    /** Posts a form exactly as given (no CSRF token added). */
    public Page postRaw(String path, Map<String, String> fields) {
        return postEntries(path, List.copyOf(fields.entrySet()));
    }

    private Page postEntries(String path, List<Map.Entry<String, String>> fields) {
        String body = fields.stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Page send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(
                    r.statusCode(),
                    r.body(),
                    r.headers().firstValue("Location").orElse(null),
                    r.headers().firstValue("ETag").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }

    /** GET of a file (a workbook, a PDF) in this session: status, content type and the bytes. */
    public Api.Bytes getBytes(String path) {
        try {
            HttpResponse<byte[]> r = http.send(
                    HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Api.Bytes(
                    r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
