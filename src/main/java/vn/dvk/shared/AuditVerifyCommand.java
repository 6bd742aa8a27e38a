package vn.dvk.shared;

import java.io.PrintStream;
import java.util.Arrays;
import javax.sql.DataSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar dvk.jar verify-audit}: checks the audit trail's hash chain and exits, 0 when it is whole, 1 when
 * it is broken, 2 when the database cannot be read. It starts a small Spring context with the data source only (the
 * same settings as the application: {@code DVK_DB_URL}, {@code application.properties}, {@code --name=value}), no
 * web server, no migrations, no jobs. Prints one line: {@code OK <count> entries, last hash <hash>} or
 * {@code BROKEN at entry <id> (<reason>) after <count> good entries}.
 */
public final class AuditVerifyCommand {

    public static final String ARG = "verify-audit";

    private AuditVerifyCommand() {}

    public static boolean requested(String[] args) {
        return Arrays.asList(args).contains(ARG);
    }

    /** Runs the check with these command-line arguments and returns the exit code. */
    public static int run(String[] args, PrintStream out) {
        String[] springArgs = Arrays.stream(args).filter(a -> !ARG.equals(a)).toArray(String[]::new);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(DataSourceOnly.class)
                .web(WebApplicationType.NONE)
                .properties(
                        "spring.main.banner-mode=off",
                        "spring.main.log-startup-info=false",
                        "logging.level.root=WARN",
                        "logging.level.vn.dvk=INFO")
                .run(springArgs)) {
            AuditVerifier.Result r = new AuditVerifier(context.getBean(DataSource.class)).verify();
            if (r.ok()) {
                out.println("OK " + r.entries() + " entries, last hash " + r.lastHash());
                return 0;
            }
            out.println("BROKEN at entry " + r.firstBrokenId() + " (" + r.reason() + ") after " + r.entries()
                    + " good entries");
            return 1;
        } catch (RuntimeException e) {
            out.println("ERROR " + e.getMessage());
            return 2;
        }
    }

    /** The context of the command: the data source, nothing else. */
    @ImportAutoConfiguration(DataSourceAutoConfiguration.class)
    static class DataSourceOnly {}
}
