package vn.dvk.support;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.dvk.DvkApplication;

/** A second application node on the test database, as behind a load balancer, on its own port. */
public final class SecondNode implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final String base;

    private SecondNode(ConfigurableApplicationContext context) {
        this.context = context;
        this.base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    /** Starts it; command-line arguments outrank application.properties, as they would on a real second node. */
    public static SecondNode start() {
        return new SecondNode(new SpringApplicationBuilder(DvkApplication.class).run(
                "--server.port=0", "--spring.datasource.url=" + TestDatabase.url(),
                "--spring.datasource.username=" + (TestDatabase.postgres() ? "postgres" : "sa"),
                "--spring.datasource.password=", "--DVK_ADMIN_PASSWORD=" + IntegrationTest.ADMIN_PASSWORD));
    }

    public String base() {
        return base;
    }

    @Override
    public void close() {
        context.close();
    }
}
