package vn.dvk.support;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import tools.jackson.databind.JsonNode;

/** Multipart uploads to the API, and small sample files of each kind (real headers, a few bytes). */
public final class Multipart {

    /** A file part: its field name, the file name the sender gives it, and its bytes. */
    public record Part(String field, String fileName, byte[] bytes) {}

    private final Map<String, String> fields = new LinkedHashMap<>();
    private final List<Part> files = new ArrayList<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    /** One more request header (e.g. {@code Idempotency-Key}). */
    public Multipart header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Multipart field(String name, String value) {
        fields.put(name, value);
        return this;
    }

    public Multipart file(String field, String fileName, byte[] bytes) {
        files.add(new Part(field, fileName, bytes));
        return this;
    }

    /** Posts the parts to the API with a bearer token and reads the answer as {@link Api.Res}. */
    public Api.Res post(Api api, String path, String token) {
        String boundary = "----dvk" + UUID.randomUUID();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.base() + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(boundary)));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .build()
                    .send(
                            b.timeout(Duration.ofSeconds(120)).build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode json = null;
            if (r.headers().firstValue("Content-Type").orElse("").contains("json")
                    && !r.body().isEmpty()) {
                json = Api.JSON.readTree(r.body());
            }
            return new Api.Res(r.statusCode(), json, r.body(), r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The request body with the given boundary (for {@link WebSession#post(String, Multipart)}). */
    byte[] body(String boundary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (Map.Entry<String, String> f : fields.entrySet()) {
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                                + f.getValue() + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            for (Part p : files) {
                out.write(
                        ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.field() + "\"; filename=\""
                                        + p.fileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                                .getBytes(StandardCharsets.UTF_8));
                out.write(p.bytes());
                out.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** A 1×1 PNG. */
    public static byte[] png() {
        return Base64.getDecoder()
                .decode(
                        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    }

    /** A PNG photo of the given size: a field under a sky, enough to see on a page. */
    public static byte[] photo(int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(120, 180, 230), 0, height / 2f, new Color(220, 235, 250)));
        g.fillRect(0, 0, width, height / 2);
        g.setColor(new Color(70, 140, 60));
        g.fillRect(0, height / 2, width, height - height / 2);
        g.setColor(new Color(230, 170, 40));
        for (int i = 0; i < 6; i++) {
            g.fillRect(20 + i * (width / 7), height / 2 - 18, width / 10, 28);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** The start of a JPEG file. */
    public static byte[] jpeg() {
        return new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1};
    }

    /** A tiny PDF. */
    public static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    }

    /** The start of a Windows program (MZ header, "This program cannot be run in DOS mode"). */
    public static byte[] windowsProgram() {
        byte[] b = new byte[256];
        b[0] = 'M';
        b[1] = 'Z';
        byte[] text = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, b, 78, text.length);
        return b;
    }

    /** A ZIP holding the given entries (name, text). */
    public static byte[] zip(String... namesAndTexts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndTexts.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndTexts[i]));
                zip.write(namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
