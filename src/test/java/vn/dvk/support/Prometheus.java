package vn.dvk.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code GET /actuator/prometheus} as a Prometheus server scrapes it (text format, bearer token), and its samples. */
public final class Prometheus {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** One line of the scrape: a metric's name, its labels and its value. */
    public record Sample(String name, Map<String, String> labels, double value) {}

    /** The answer to a scrape: its status, its content type and the samples of a 200. */
    public record Scrape(int status, String contentType, String body, List<Sample> samples) {

        /** The value of the one sample of this name whose labels include these, if there is one. */
        public OptionalDouble value(String name, Map<String, String> labels) {
            List<Sample> found = samples.stream()
                    .filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet()))
                    .toList();
            if (found.size() > 1) {
                throw new AssertionError("more than one sample " + name + labels + ": " + found);
            }
            return found.isEmpty()
                    ? OptionalDouble.empty()
                    : OptionalDouble.of(found.get(0).value());
        }

        /** The value, or 0 when the metric has not been created yet (a counter appears at its first increment). */
        public double valueOrZero(String name, Map<String, String> labels) {
            return value(name, labels).orElse(0);
        }
    }

    private Prometheus() {}

    /** Scrapes {@code base}, with {@code Authorization: Bearer token} unless the token is null. */
    public static Scrape scrape(String base, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))
                .header("Accept", "text/plain;version=0.0.4;q=1,*/*;q=0.1")
                .timeout(Duration.ofSeconds(60))
                .GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            List<Sample> samples = new ArrayList<>();
            if (r.statusCode() == 200) {
                for (String line : r.body().split("\n")) {
                    Matcher m = SAMPLE.matcher(line.trim());
                    if (!line.startsWith("#") && m.matches()) {
                        Map<String, String> labels = new LinkedHashMap<>();
                        if (m.group(2) != null) {
                            Matcher l = LABEL.matcher(m.group(2));
                            while (l.find()) {
                                labels.put(l.group(1), l.group(2));
                            }
                        }
                        samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(3))));
                    }
                }
            }
            return new Scrape(
                    r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), samples);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
