package vn.dvk.imports;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dvk.DvkApplication;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Level;
import vn.dvk.support.StubActor;
import vn.dvk.unit.NewUnit;
import vn.dvk.unit.UnitDirectory;
import vn.dvk.unit.UnitKind;

/**
 * Benchmark, not a test (its name does not end in Tests): starts DVK on a fresh H2 file database under
 * {@code target/bench}, writes a file of N model rows (50,000 by default: drafts, submissions, acceptances, rejections
 * and recognitions with their dates and decisions, spread over 10 communes), then imports it for real with the
 * importer of {@code POST /api/v1/imports/models}, timing it and sampling the heap every 10 ms. Run it with
 * {@code bench/import.sh}.
 */
public final class ImportBenchmark {

    private static final String[] STATUSES = {
        "ACCEPTED",
        "ACCEPTED",
        "RECOGNIZED",
        "SUBMITTED",
        "REJECTED",
        "DRAFT",
        "RECOGNIZED",
        "ACCEPTED",
        "SUBMITTED",
        "ACCEPTED"
    };
    private static final String[] FIELDS = {"ECONOMY", "CULTURE_SOCIETY", "DEFENSE_SECURITY", "POLITICAL_SYSTEM"};

    private ImportBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        Path dir = Path.of("target", "bench");
        Files.createDirectories(dir);
        String db =
                dir.toAbsolutePath().resolve("dvk-import-" + System.nanoTime()).toString();
        ConfigurableApplicationContext app = SpringApplication.run(
                DvkApplication.class,
                "--spring.datasource.url=jdbc:h2:file:" + db + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH",
                "--server.port=0",
                "--DVK_ADMIN_PASSWORD=bench-Password-1",
                "--logging.level.root=WARN");
        try {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            long rootId = jdbc.queryForObject("select id from unit_unit where code = 'TW'", Long.class);
            String rootPath = jdbc.queryForObject("select path from unit_unit where code = 'TW'", String.class);
            Actor admin = actor(rootId, rootPath);
            UnitDirectory units = app.getBean(UnitDirectory.class);
            units.create(admin, new NewUnit("BENCHP", "Tỉnh đo", Level.PROVINCE, UnitKind.AREA, "TW"));
            for (int c = 0; c < 10; c++) {
                units.create(admin, new NewUnit("BENCHC" + c, "Xã đo " + c, Level.COMMUNE, UnitKind.AREA, "BENCHP"));
            }
            Path file = dir.resolve("models-" + rows + ".xlsx");
            write(file, rows);
            System.out.printf(Locale.ROOT, "file: %s, %,d rows, %,d bytes%n", file, rows, Files.size(file));

            Importer importer = app.getBean(Importer.class);
            System.gc();
            long before = usedHeap();
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
            long t0 = System.nanoTime();
            ImportReport preview =
                    importer.run(admin, ImportKind.MODELS, file.getFileName().toString(), file, true, false);
            double previewSeconds = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            ImportReport report =
                    importer.run(admin, ImportKind.MODELS, file.getFileName().toString(), file, false, false);
            double seconds = (System.nanoTime() - t1) / 1e9;
            sampler.interrupt();
            long count = jdbc.queryForObject("select count(*) from model_model", Long.class);
            System.out.printf(
                    Locale.ROOT,
                    "preview: %,d rows, %,d valid, %d errors in %.1f s%n",
                    preview.rows(),
                    preview.valid(),
                    preview.errors().size(),
                    previewSeconds);
            System.out.printf(
                    Locale.ROOT,
                    "import: %,d rows, %,d created, errors %s in %.1f s; models in DVK: %,d%n",
                    report.rows(),
                    report.created(),
                    report.errors().isEmpty() ? "none" : report.errors().get(0),
                    seconds,
                    count);
            System.out.printf(
                    Locale.ROOT,
                    "max heap (-Xmx): %,d MiB%n",
                    Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf(
                    Locale.ROOT,
                    "heap used before (after GC): %,d MiB; peak during preview and import"
                            + " (sampled every 10 ms): %,d MiB%n",
                    before >> 20,
                    peak.get() >> 20);
        } finally {
            app.close();
        }
    }

    /** The rows, written with POI's streaming writer; keys as headers. */
    private static void write(Path file, int rows) throws Exception {
        List<String> keys = Workbooks.MODEL_KEYS;
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200);
                OutputStream out = Files.newOutputStream(file)) {
            Sheet s = wb.createSheet("Dữ liệu");
            Row h = s.createRow(0);
            for (int i = 0; i < keys.size(); i++) {
                h.createCell(i).setCellValue(keys.get(i));
            }
            for (int r = 0; r < rows; r++) {
                String status = STATUSES[r % STATUSES.length];
                int year = 2021 + r % 5;
                String[] v = {
                    "HS-" + r,
                    "BENCHC" + (r % 10),
                    "Mô hình Dân vận khéo số " + r + ": vận động Nhân dân hiến đất làm đường giao thông nông thôn",
                    FIELDS[r % 4],
                    "PROVINCE",
                    String.valueOf(year),
                    r % 7 == 6 ? "INDIVIDUAL" : "COLLECTIVE",
                    "Hội Nông dân xã số " + (r % 500),
                    status,
                    status.equals("DRAFT") ? "" : "15/03/" + year,
                    status.equals("DRAFT") || status.equals("SUBMITTED") ? "" : "20/04/" + year,
                    status.equals("RECOGNIZED") ? "PROVINCE" : "",
                    status.equals("RECOGNIZED") ? (r % 900 + 1) + "/QĐ-BCĐ" : "",
                    status.equals("RECOGNIZED") ? "20/11/" + year : ""
                };
                Row row = s.createRow(r + 1);
                for (int i = 0; i < v.length; i++) {
                    if (!v[i].isEmpty()) {
                        row.createCell(i).setCellValue(v[i]);
                    }
                }
            }
            wb.write(out);
        }
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static Actor actor(long unitId, String path) {
        return StubActor.admin(unitId, path);
    }
}
