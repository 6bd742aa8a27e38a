package vn.dvk.statistics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import vn.dvk.shared.Problems;

/**
 * {@code dvk.exports}: the exports (workbooks, annual reports) and how long each took to write, by kind and outcome,
 * whether downloaded at once or made in the background. A request refused for its content or access
 * ({@link Problems}) is not an export and is not counted.
 */
@Component
class ExportMetrics {

    /** What is exported, as the {@code kind} tag says it. */
    enum Kind {
        /** The model list as a workbook. */
        MODELS_XLSX,
        /** The statistics as a workbook. */
        STATISTICS_XLSX,
        /** The annual report as PDF. */
        REPORT_PDF,
        /** The annual report as DOCX. */
        REPORT_DOCX
    }

    /** A piece of export work. */
    interface Work<T, E extends Exception> {
        T run() throws E;
    }

    private final MeterRegistry registry;

    ExportMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    <T, E extends Exception> T time(Kind kind, Work<T, E> work) throws E {
        long start = System.nanoTime();
        String outcome = "failure";
        try {
            T result = work.run();
            outcome = "success";
            return result;
        } catch (RuntimeException e) {
            if (e.getClass().getEnclosingClass() == Problems.class) {
                outcome = null;
            }
            throw e;
        } finally {
            if (outcome != null) {
                Timer.builder("dvk.exports")
                        .description("Exports written, and how long each took")
                        .tag("kind", kind.name().toLowerCase(Locale.ROOT))
                        .tag("outcome", outcome)
                        .register(registry)
                        .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }
        }
    }
}
