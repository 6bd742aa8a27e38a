package vn.dvk.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import vn.dvk.shared.RequestId;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;

/**
 * One id per request: the client's {@code X-Request-Id} when it is a plain token, a new one otherwise; echoed in the
 * answer's header and problem detail, and carried by every log line of the request, plain or JSON.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequestIdTests extends IntegrationTest {

    private static final String PLAIN = "[A-Za-z0-9._-]{1,64}";

    @Test
    void aClientsIdIsEchoedInTheHeaderTheProblemAndTheLogLine(CapturedOutput output) {
        // given a client that names its request
        String id = "lb-7f3a.Check_" + Api.unique("r");

        // when the request is refused (anonymous call of the API)
        Api.Res r = api().getWithHeader("/api/v1/models", null, RequestId.HEADER, id);

        // then the answer carries the id in its header and in its problem detail
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header(RequestId.HEADER)).isEqualTo(id);
        assertThat(r.json().get("requestId").asString()).isEqualTo(id);
        // and the log line of the refusal carries it in the plain pattern
        assertThat(output.getOut().lines().filter(l -> l.contains("Access refused") && l.contains("[" + id + "]")))
                .hasSize(1);
    }

    @Test
    void aBadApiRequestsProblemCarriesTheIdOfItsHeader() {
        // given a signed-in administrator and no id from the client
        String token = api().token("admin", ADMIN_PASSWORD);

        // when a malformed body is posted
        Api.Res r = api().postRaw("/api/v1/units", "{\"code\": ", token);

        // then the problem's requestId is the generated id of the header
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header(RequestId.HEADER)).matches(PLAIN);
        assertThat(r.json().get("requestId").asString()).isEqualTo(r.header(RequestId.HEADER));
    }

    @Test
    void theErrorAnswerOfAPathNoControllerServesCarriesTheId() {
        // given a signed-in administrator
        String token = api().token("admin", ADMIN_PASSWORD);

        // when a path of the API that nothing serves is asked for
        Api.Res r = api().getWithHeader("/api/v1/no-such-thing", token, RequestId.HEADER, "missing-1");

        // then Spring Boot's error answer carries the id too
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.header(RequestId.HEADER)).isEqualTo("missing-1");
        assertThat(r.json().get("requestId").asString()).isEqualTo("missing-1");
    }

    @Test
    void eachRequestWithoutAnIdGetsItsOwn() {
        assertThat(api().get("/actuator/health/liveness", null).header(RequestId.HEADER))
                .matches(PLAIN)
                .isNotEqualTo(api().get("/actuator/health/liveness", null).header(RequestId.HEADER));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0123456789012345678901234567890123456789012345678901234567890123456789",
                "abc def",
                "abc\"}, {\"level\":\"ERROR",
                "a%0D%0AFAKE",
                "ôi",
                "a;b",
                ""
            })
    void anIdThatIsNotAPlainTokenIsReplaced(String sent) {
        Api.Res r = api().getWithHeader("/api/v1/models", null, RequestId.HEADER, sent);

        assertThat(r.header(RequestId.HEADER)).matches(PLAIN).isNotEqualTo(sent);
        assertThat(r.json().get("requestId").asString()).isEqualTo(r.header(RequestId.HEADER));
    }

    @Test
    void anIdWithALineBreakCannotForgeALogLine(CapturedOutput output) throws IOException {
        // given a request whose id header goes on over a second line (obsolete line folding), sent by hand
        String request = "GET /api/v1/models HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n"
                + "X-Request-Id: evil\r\n FAKE Signed in: user #1\r\nConnection: close\r\n\r\n";

        // when it reaches the server
        String answer = raw(request);

        // then no log line starts with the forged text, and an id echoed is a plain token
        assertThat(output.getOut().lines()).noneMatch(l -> l.startsWith(" FAKE") || l.startsWith("FAKE"));
        answer.lines()
                .filter(l -> l.regionMatches(true, 0, RequestId.HEADER + ":", 0, RequestId.HEADER.length() + 1))
                .forEach(l -> assertThat(
                                l.substring(RequestId.HEADER.length() + 1).trim())
                        .matches(PLAIN)
                        .doesNotContain("FAKE"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ecs", "logstash"})
    void aJsonLogLineOfARequestParsesAndCarriesTheId(String format) {
        // given the console's structured format (logging.structured.format.console) on the root logger
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        OutputStreamAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender = jsonAppender(root, format, json);
        String id = Api.unique("json");
        try {
            // when a request is refused
            api().getWithHeader("/api/v1/models", null, RequestId.HEADER, id);
        } finally {
            root.detachAppender(appender);
            appender.stop();
        }

        // then its log line is one JSON object with the id as the field requestId
        List<JsonNode> lines = json.toString(StandardCharsets.UTF_8)
                .lines()
                .map(Api.JSON::readTree)
                .toList();
        assertThat(lines)
                .filteredOn(l -> l.path("message").asString("").startsWith("Access refused"))
                .singleElement()
                .satisfies(l -> assertThat(l.path(RequestId.KEY).asString()).isEqualTo(id));
    }

    private static OutputStreamAppender<ch.qos.logback.classic.spi.ILoggingEvent> jsonAppender(
            Logger root, String format, OutputStream out) {
        LoggerContext context = root.getLoggerContext();
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(context);
        encoder.setFormat(format);
        encoder.start();
        OutputStreamAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(out);
        appender.start();
        root.addAppender(appender);
        return appender;
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
