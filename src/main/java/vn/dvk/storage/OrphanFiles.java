package vn.dvk.storage;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar dvk.jar sweep-files [--delete]}: lists the stored objects that no record points at (asking every
 * {@link FileReferences}) and that were last written more than {@link #MIN_AGE} ago, so that an upload whose
 * transaction is still running is never taken; with {@code --delete} removes them. Prints one {@code ORPHAN <key>} line
 * each, then {@code OK <n> objects, <m> orphans[, deleted]}. Exit code 0, or 2 when the store or the database fails.
 */
@Component
public class OrphanFiles implements ApplicationRunner, ExitCodeGenerator {

    public static final String ARG = "sweep-files";
    /** Objects younger than this are never orphans: their record may not be committed yet. */
    static final Duration MIN_AGE = Duration.ofDays(1);

    private static final int BATCH = 500;

    private final FileStore files;
    private final List<FileReferences> references;
    private final Clock clock;
    private int exitCode;

    OrphanFiles(FileStore files, List<FileReferences> references, Clock clock) {
        this.files = files;
        this.references = references;
        this.clock = clock;
    }

    /** The objects last written before {@code before} that no record points at; removed when {@code delete}. */
    public List<String> sweep(Instant before, boolean delete) {
        List<String> old = files.list().stream()
                .filter(o -> o.modified().isBefore(before))
                .map(FileStore.Stored::key)
                .toList();
        List<String> orphans = new ArrayList<>();
        for (int i = 0; i < old.size(); i += BATCH) {
            List<String> batch = old.subList(i, Math.min(old.size(), i + BATCH));
            Set<String> used = new HashSet<>();
            references.forEach(r -> used.addAll(r.referenced(batch)));
            batch.stream().filter(k -> !used.contains(k)).forEach(orphans::add);
        }
        if (delete) {
            orphans.forEach(files::delete);
        }
        return orphans;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.getNonOptionArgs().contains(ARG)) {
            return;
        }
        PrintStream out = System.out;
        boolean delete = args.containsOption("delete");
        try {
            List<String> orphans = sweep(clock.instant().minus(MIN_AGE), delete);
            orphans.forEach(k -> out.println("ORPHAN " + k));
            out.println("OK " + orphans.size() + " orphans older than a day in the " + files.describe()
                    + (delete ? ", deleted" : " (run with --delete to remove them)"));
        } catch (RuntimeException e) {
            out.println("ERROR " + e.getMessage());
            exitCode = 2;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
