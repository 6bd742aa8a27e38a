package vn.dvk.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.dvk.DvkApplication;

/** A second application node on the test database, as behind a load balancer, on its own port. */
public final class SecondNode implements AutoCloseable {

    private static final String PER_ADDRESS = "--dvk.security.login.max-failures-per-address=";

    private final ConfigurableApplicationContext context;
    private final String base;

    private SecondNode(ConfigurableApplicationContext context) {
        this.context = context;
        this.base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    /**
     * Starts it; command-line arguments outrank application.properties, as they would on a real second node. Like the
     * test application, it allows 10,000 failed sign-ins per address (every test client is 127.0.0.1, and the counts
     * are shared through the database) unless {@code settings} names another limit.
     */
    public static SecondNode start(String... settings) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + TestDatabase.url(),
                "--spring.datasource.username=" + (TestDatabase.postgres() ? "postgres" : "sa"),
                "--spring.datasource.password=",
                "--DVK_ADMIN_PASSWORD=" + IntegrationTest.ADMIN_PASSWORD,
                "--" + IntegrationTest.CHEAP_HASH_MEMORY,
                "--" + IntegrationTest.CHEAP_HASH_PASSES));
        if (Arrays.stream(settings).noneMatch(s -> s.startsWith(PER_ADDRESS))) {
            args.add(PER_ADDRESS + "10000");
        }
        args.addAll(List.of(settings));
        return new SecondNode(new SpringApplicationBuilder(DvkApplication.class).run(args.toArray(String[]::new)));
    }

    /** The context of this node, to reach its beans. */
    public ConfigurableApplicationContext context() {
        return context;
    }

    public String base() {
        return base;
    }

    @Override
    public void close() {
        context.close();
    }
}
