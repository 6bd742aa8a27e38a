package vn.dvk.statistics;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dvk.DvkApplication;
import vn.dvk.model.ModelFilter;
import vn.dvk.shared.Actor;
import vn.dvk.support.StubActor;

/**
 * Benchmark, not a test (its name does not end in Tests, so the build never runs it): starts DVK on a fresh H2 file
 * database under {@code target/bench}, inserts N models (300,000 by default) with one batch of SQL, then exports them
 * all with the model-list workbook ({@code GET /api/v1/models.xlsx}'s code) to {@code target/bench/models.xlsx},
 * sampling the heap every 10 ms. Run it with {@code bench/export-heap.sh}.
 */
public final class ExportHeapBenchmark {

    private ExportHeapBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        Path dir = Path.of("target", "bench");
        Files.createDirectories(dir);
        String db = dir.toAbsolutePath().resolve("dvk-" + System.nanoTime()).toString();
        ConfigurableApplicationContext app = SpringApplication.run(
                DvkApplication.class,
                "--spring.datasource.url=jdbc:h2:file:" + db + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH",
                "--server.port=0",
                "--DVK_ADMIN_PASSWORD=bench-Password-1",
                "--logging.level.root=WARN");
        try {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            long unitId = jdbc.queryForObject("select id from unit_unit where code = 'TW'", Long.class);
            String path = jdbc.queryForObject("select path from unit_unit where code = 'TW'", String.class);
            long t0 = System.nanoTime();
            insert(jdbc, unitId, rows);
            System.out.printf(Locale.ROOT, "inserted %,d models in %.1f s%n", rows, (System.nanoTime() - t0) / 1e9);

            Actor actor = actor(unitId, path);
            ModelWorkbook workbook = app.getBean(ModelWorkbook.class);
            System.gc();
            long before = usedHeap();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            AtomicLong peak = new AtomicLong(before);
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(usedHeap(), Math::max);
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            Path file = dir.resolve("models.xlsx");
            long t1 = System.nanoTime();
            long written;
            try (OutputStream out = Files.newOutputStream(file)) {
                written = workbook.write(actor, ModelFilter.none(), Locale.forLanguageTag("vi"), out, n -> {});
            }
            double seconds = (System.nanoTime() - t1) / 1e9;
            sampler.interrupt();
            long poolPeak = 0;
            long oldAfterGc = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    poolPeak += pool.getPeakUsage().getUsed();
                    if (pool.getCollectionUsage() != null && pool.getName().contains("Old")) {
                        oldAfterGc =
                                Math.max(oldAfterGc, pool.getCollectionUsage().getUsed());
                    }
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "exported %,d rows to %s (%,d bytes) in %.1f s%n",
                    written,
                    file,
                    Files.size(file),
                    seconds);
            System.out.printf(
                    Locale.ROOT,
                    "max heap (-Xmx): %,d MiB%n",
                    Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf(Locale.ROOT, "heap used before the export (after GC): %,d MiB%n", before >> 20);
            System.out.printf(
                    Locale.ROOT, "peak heap used during the export (sampled every 10 ms): %,d MiB%n", peak.get() >> 20);
            System.out.printf(
                    Locale.ROOT,
                    "sum of the heap pools' peaks: %,d MiB; old generation after its last GC:" + " %,d MiB%n",
                    poolPeak >> 20,
                    oldAfterGc >> 20);
        } finally {
            app.close();
        }
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void insert(JdbcTemplate jdbc, long unitId, int rows) {
        String[] fields = {"ECONOMY", "CULTURE_SOCIETY", "DEFENSE_SECURITY", "POLITICAL_SYSTEM"};
        String[] statuses = {"SUBMITTED", "ACCEPTED", "REJECTED", "RECOGNIZED"};
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> batch = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            String title =
                    "Mô hình Dân vận khéo số " + i + ": vận động Nhân dân hiến đất làm đường giao thông nông thôn";
            batch.add(new Object[] {
                title,
                fields[i % 4],
                unitId,
                "PROVINCE",
                2021 + i % 5,
                i % 7 == 6 ? "INDIVIDUAL" : "COLLECTIVE",
                "Hội Nông dân xã số " + (i % 500),
                "NEW",
                "Vận động Nhân dân cùng làm, số " + i,
                title.toLowerCase(Locale.ROOT),
                statuses[i % 4],
                i % 4 == 2 ? "REJECT" : "ACCEPT",
                now,
                i % 4 == 3 ? "PROVINCE" : null,
                "bench",
                now,
                now
            });
            if (batch.size() == 5000) {
                flush(jdbc, batch);
            }
        }
        flush(jdbc, batch);
    }

    private static void flush(JdbcTemplate jdbc, List<Object[]> batch) {
        jdbc.batchUpdate(
                "insert into model_model (title, field, unit_id, level, reg_year, holder_type, holder_name,"
                        + " origin, summary, search_text, status, appraisal_outcome, submitted_at, recognized_level,"
                        + " created_by, created_at, updated_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, 0)",
                batch);
        batch.clear();
    }

    private static Actor actor(long unitId, String path) {
        return StubActor.admin(unitId, path);
    }
}
