package vn.dvk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/** Requests take turns: a few at once, the others in the order they came, none waiting forever, none kept out. */
class WorkGateTests {

    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void requestsBeyondTheTurnsWaitAndEnterInTheOrderTheyCame() throws Exception {
        // given a gate of one turn, held by a request that has not finished, its gauges scraped
        WorkGate gate = gate(1, Duration.ofSeconds(10));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        gate.bindTo(meters);
        CountDownLatch release = new CountDownLatch(1);
        List<String> entered = new CopyOnWriteArrayList<>();
        Future<?> first = pool.submit(() -> pass(gate, "/models", (rq, rs) -> {
            entered.add("first");
            await(release);
        }));
        until(() -> gate.free() == 0);

        // when two more requests come, one after the other
        Future<?> second = pool.submit(() -> pass(gate, "/api/v1/models", (rq, rs) -> entered.add("second")));
        until(() -> gate.waiting() == 1);
        Future<?> third = pool.submit(() -> pass(gate, "/statistics", (rq, rs) -> entered.add("third")));
        until(() -> gate.waiting() == 2);

        // then they wait while the first works (the gauges say so), and enter in their order once it is done
        assertThat(entered).containsExactly("first");
        assertThat(meters.get("dvk.http.work.waiting").gauge().value()).isEqualTo(2.0);
        assertThat(meters.get("dvk.http.work.free").gauge().value()).isZero();
        release.countDown();
        first.get(5, TimeUnit.SECONDS);
        second.get(5, TimeUnit.SECONDS);
        third.get(5, TimeUnit.SECONDS);
        assertThat(entered).containsExactly("first", "second", "third");
        assertThat(gate.free()).isEqualTo(1);
        assertThat(meters.get("dvk.http.work.waiting").gauge().value()).isZero();
        assertThat(meters.get("dvk.http.work.free").gauge().value()).isEqualTo(1.0);
    }

    @Test
    void aRequestThatWaitsTooLongIsRefusedWith503AndRetryAfter() throws Exception {
        // given a gate of one turn, held
        WorkGate gate = gate(1, Duration.ofMillis(100));
        CountDownLatch release = hold(gate);

        // when an API call and a page wait longer than allowed
        MockHttpServletResponse api = pass(gate, "/api/v1/models", (rq, rs) -> {
            throw new AssertionError("must not run");
        });
        MockHttpServletRequest pageRequest = request("/statistics");
        MockHttpServletResponse page = new MockHttpServletResponse();
        gate.doFilter(pageRequest, page, (rq, rs) -> {
            throw new AssertionError("must not run");
        });

        // then the API call gets problem details, the page the error page with the message, both 503 to retry later
        assertThat(api.getStatus()).isEqualTo(503);
        assertThat(api.getContentType()).startsWith("application/problem+json");
        assertThat(api.getContentAsString()).contains("\"status\":503").contains("server.busy text");
        assertThat(api.getHeader("Retry-After")).isEqualTo("5");
        assertThat(page.getStatus()).isEqualTo(503);
        assertThat(page.getHeader("Retry-After")).isEqualTo("5");
        assertThat(pageRequest.getAttribute(Refusals.PROBLEM)).isEqualTo("server.busy text");
        release.countDown();
    }

    @Test
    void staticFilesProbesAndUploadsAreNotKeptWaiting() throws Exception {
        // given a gate whose only turn is held
        WorkGate gate = gate(1, Duration.ofMillis(50));
        CountDownLatch release = hold(gate);

        // when static files, the probes, the metrics scrape and an upload come
        List<String> served = new CopyOnWriteArrayList<>();
        for (String path : new String[] {
            "/webjars/htmx.org/2.0.10/dist/htmx.min.js",
            "/css/app.css",
            "/js/app.js",
            "/favicon.svg",
            "/actuator/health/readiness",
            "/actuator/prometheus"
        }) {
            pass(gate, path, (rq, rs) -> served.add(path));
        }
        MockHttpServletRequest upload = request("/imports/preview");
        upload.setContentType("multipart/form-data; boundary=x");
        gate.doFilter(upload, new MockHttpServletResponse(), (rq, rs) -> served.add("upload"));

        // then each is served at once
        assertThat(served).hasSize(7).contains("upload");
        release.countDown();
    }

    @Test
    void aDownloadGivesItsTurnBackOnceItSaysItIsAFileAndAFailureGivesItBackToo() throws Exception {
        // given a gate of one turn
        WorkGate gate = gate(1, Duration.ofSeconds(1));

        // when a download names its file, then writes it
        int[] freeWhileWriting = {-1};
        pass(gate, "/api/v1/exports/7/file", (rq, rs) -> {
            ((HttpServletResponse) rs).setHeader("Content-Disposition", "attachment; filename=\"x.xlsx\"");
            freeWhileWriting[0] = gate.free();
        });
        // and a request fails
        assertThatThrownBy(() -> pass(gate, "/models", (rq, rs) -> {
                    throw new IllegalStateException("boom");
                }))
                .isInstanceOf(IllegalStateException.class);

        // then the turn was free while the file's bytes went out, and is free after the failure
        assertThat(freeWhileWriting[0]).isEqualTo(1);
        assertThat(gate.free()).isEqualTo(1);
    }

    @Test
    void byDefaultFourTurnsPerProcessor() {
        assertThat(WorkGate.size(0)).isEqualTo(4 * Runtime.getRuntime().availableProcessors());
        assertThat(WorkGate.size(12)).isEqualTo(12);
    }

    /** A request that holds the gate's only turn until the latch is counted down. */
    private CountDownLatch hold(WorkGate gate) throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        pool.submit(() -> pass(gate, "/models", (rq, rs) -> await(release)));
        until(() -> gate.free() == 0);
        return release;
    }

    private static WorkGate gate(int turns, Duration maxWait) {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("server.busy", new Locale("vi"), "server.busy text");
        messages.addMessage("problem.title.503", new Locale("vi"), "busy");
        return new WorkGate(
                new WorkGateProperties(turns, maxWait),
                new Refusals(messages, JsonMapper.builder().build(), new FixedLocaleResolver(new Locale("vi"))));
    }

    private static MockHttpServletRequest request(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRequestURI(path);
        return request;
    }

    private static MockHttpServletResponse pass(WorkGate gate, String path, FilterChain chain) {
        MockHttpServletResponse response = new MockHttpServletResponse();
        try {
            gate.doFilter(request(path), response, chain);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return response;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void until(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition reached in time").isLessThan(end);
            Thread.sleep(5);
        }
    }
}
