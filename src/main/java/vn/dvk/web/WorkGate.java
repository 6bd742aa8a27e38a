package vn.dvk.web;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most {@code dvk.http.concurrent-work} requests do their work at once (by default four per processor); the others
 * wait their turn in the order they came. Two cores shared by 64 requests at once gave each request a sixty-fourth of
 * them, so a page that costs four times the work of an API call took four times as long to answer; in turn, every
 * request waits about as long as the others, then runs at full speed (64 clients on 2 cores, eight at once: the
 * pages' p95 0.57–0.65 s → 0.27–0.31 s, the mix's p99 0.65–0.67 → 0.30–0.32 s; docs/PERFORMANCE.md, fourteenth
 * round). It also bounds how many requests compete for the database's connections.
 *
 * <p>Not gated: what costs little or only waits on the network — static files, health probes and the metrics scrape
 * (which must answer while the server is busy), uploads (a file read from a slow link would hold a turn for minutes).
 * A download gives its turn back as soon as it says it is a file ({@code Content-Disposition}), before its bytes go
 * out. A request that waits longer than {@code dvk.http.max-wait} is refused with 503 and {@code Retry-After}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
@EnableConfigurationProperties(WorkGateProperties.class)
class WorkGate extends OncePerRequestFilter implements MeterBinder {

    private final Semaphore turns;
    private final long maxWaitMillis;
    private final Refusals refusals;

    WorkGate(WorkGateProperties settings, Refusals refusals) {
        this.turns = new Semaphore(size(settings.concurrentWork()), true);
        this.maxWaitMillis = settings.maxWait().toMillis();
        this.refusals = refusals;
    }

    /** {@code configured}, or four per processor when it is 0. */
    static int size(int configured) {
        return configured > 0 ? configured : 4 * Runtime.getRuntime().availableProcessors();
    }

    /** Turns free now. */
    int free() {
        return turns.availablePermits();
    }

    /** Requests waiting for a turn now. */
    int waiting() {
        return turns.getQueueLength();
    }

    /**
     * {@code dvk.http.work.waiting} and {@code dvk.http.work.free}: a node whose requests wait while no turn is free
     * is short of CPU (or of the database), before its answers grow slow enough to be refused.
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("dvk.http.work.waiting", this, WorkGate::waiting)
                .description("Requests waiting for a turn to do their work on this node")
                .register(registry);
        Gauge.builder("dvk.http.work.free", this, WorkGate::free)
                .description("Turns free on this node (dvk.http.concurrent-work at most)")
                .register(registry);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String type = request.getContentType();
        return WebConfig.isStaticFile(path)
                || path.startsWith("/actuator/")
                || type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean turn;
        try {
            turn = turns.tryAcquire(maxWaitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            turn = false;
        }
        if (!turn) {
            refusals.refuse(request, response, HttpStatus.SERVICE_UNAVAILABLE, "server.busy", null, 5);
            return;
        }
        AtomicBoolean held = new AtomicBoolean(true);
        Runnable giveBack = () -> {
            if (held.compareAndSet(true, false)) {
                turns.release();
            }
        };
        try {
            chain.doFilter(request, new HttpServletResponseWrapper(response) {
                @Override
                public void setHeader(String name, String value) {
                    fileFollows(name);
                    super.setHeader(name, value);
                }

                @Override
                public void addHeader(String name, String value) {
                    fileFollows(name);
                    super.addHeader(name, value);
                }

                private void fileFollows(String name) {
                    if ("Content-Disposition".equalsIgnoreCase(name)) {
                        giveBack.run();
                    }
                }
            });
        } finally {
            giveBack.run();
        }
    }
}
