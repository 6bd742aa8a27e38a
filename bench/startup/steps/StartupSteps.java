import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;

/**
 * Starts a Spring Boot application (main class in -Dsteps.main) with Spring's buffering start-up recorder and prints
 * where the start went: the wall time of each kind of step and the steps that took the longest themselves (their own
 * time, without the steps inside them), then stops. Used by bench/startup-steps.sh.
 */
public class StartupSteps {

    public static void main(String[] args) throws Exception {
        SpringApplication app = new SpringApplication(Class.forName(System.getProperty("steps.main")));
        BufferingApplicationStartup recorder = new BufferingApplicationStartup(100_000);
        app.setApplicationStartup(recorder);
        var context = app.run(args);
        List<StartupTimeline.TimelineEvent> events = recorder.getBufferedTimeline().getEvents();
        Map<Long, Long> inside = new HashMap<>();
        for (var e : events) {
            Long parent = e.getStartupStep().getParentId();
            if (parent != null) {
                inside.merge(parent, e.getDuration().toNanos(), Long::sum);
            }
        }
        Map<String, Long> byKind = new TreeMap<>();
        List<Object[]> rows = new ArrayList<>();
        for (var e : events) {
            long own = e.getDuration().toNanos() - inside.getOrDefault(e.getStartupStep().getId(), 0L);
            StringBuilder tags = new StringBuilder();
            e.getStartupStep().getTags().forEach(t -> tags.append(t.getKey()).append('=').append(t.getValue()).append(' '));
            byKind.merge(e.getStartupStep().getName(), own, Long::sum);
            rows.add(new Object[] {own, e.getDuration().toNanos(), e.getStartupStep().getName(),
                    tags.length() > 140 ? tags.substring(0, 140) : tags.toString()});
        }
        rows.sort((a, b) -> Long.compare((Long) b[0], (Long) a[0]));
        System.out.println("## steps by kind (own ms)");
        byKind.forEach((k, v) -> System.out.printf("%9.1f  %s%n", v / 1e6, k));
        System.out.println("## the 40 longest steps (own ms, with the steps inside ms)");
        rows.stream().limit(40).forEach(r -> System.out.printf("%9.1f %9.1f  %s %s%n",
                (Long) r[0] / 1e6, (Long) r[1] / 1e6, r[2], r[3]));
        context.close();
    }
}
