package vn.dvk.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dvk.DvkApplication;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.TestDatabase;

/**
 * Two application nodes on one database fire the nightly overdue job at the same moment: the lock in the
 * shared database (ShedLock) lets exactly one of them run it.
 */
class OverdueJobTwoNodesTests extends IntegrationTest {

    @Autowired
    OverdueJob nodeA;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theJobRunsOnceWhenTwoNodesFireItTogether() throws Exception {
        // given a second node of the application on the same database as this one
        // (command-line arguments, so that they win over application.properties like the test's own settings)
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(DvkApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--dvk.node-name=node-b",
                        "--spring.datasource.url=" + TestDatabase.url(),
                        "--spring.datasource.username=" + (TestDatabase.postgres() ? "postgres" : "sa"),
                        "--spring.datasource.password=",
                        "--spring.datasource.hikari.maximum-pool-size=3",
                        "--DVK_ADMIN_PASSWORD=" + ADMIN_PASSWORD,
                        "--dvk.uploads.dir=target/test-uploads",
                        "--dvk.progress.overdue-cron=-")) {
            OverdueJob nodeB = second.getBean(OverdueJob.class);
            JdbcTemplate secondJdbc = second.getBean(JdbcTemplate.class);
            assertThat(nodeB.node()).isEqualTo("node-b").isNotEqualTo(nodeA.node());
            assertThat(second.getEnvironment().getProperty("spring.datasource.url"))
                    .isEqualTo(TestDatabase.url());
            Integer before = jdbc.queryForObject(
                    "select count(*) from progress_job_run where job = ?", Integer.class, OverdueJob.NAME);

            // as on the next night: no lock left by an earlier run (it holds 5 minutes at least)
            jdbc.update("delete from shedlock where name = ?", OverdueJob.NAME);

            // when both fire the job at the same moment
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<?>> runs = List.of(
                    pool.submit(() -> {
                        await(start);
                        nodeA.run();
                    }),
                    pool.submit(() -> {
                        await(start);
                        nodeB.run();
                    }));
            start.countDown();
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();

            // then exactly one run is recorded, by one of the two nodes, and the lock names the job
            List<String> nodes = jdbc.queryForList(
                    "select node from progress_job_run where job = ? order by id", String.class, OverdueJob.NAME);
            assertThat(nodes).hasSize(before + 1);
            assertThat(nodes.get(nodes.size() - 1)).isIn(nodeA.node(), nodeB.node());
            // and the second node sees the very same rows: one database
            assertThat(secondJdbc.queryForList(
                            "select node from progress_job_run where job = ? order by id",
                            String.class,
                            OverdueJob.NAME))
                    .isEqualTo(nodes);
            assertThat(jdbc.queryForObject(
                            "select count(*) from shedlock where name = ?", Integer.class, OverdueJob.NAME))
                    .isEqualTo(1);

            // and firing it again on either node while the lock holds does not run it again
            nodeB.run();
            nodeA.run();
            assertThat(jdbc.queryForObject(
                            "select count(*) from progress_job_run where job = ?", Integer.class, OverdueJob.NAME))
                    .isEqualTo(before + 1);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
