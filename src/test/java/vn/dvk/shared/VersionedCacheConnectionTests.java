package vn.dvk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.SecondNode;

/**
 * A request that waits for an answer another request is computing must not hold the connection that the computation
 * needs. On a node whose pool has two connections (its start needs two): two readers' scopes hold them (as a
 * request's does after its first statement, e.g. reading the data's version) and then ask for an entry that another
 * request has begun to compute.
 * Both must get the answer, within the pool's timeout; before, the computation waited for the reader's connection
 * while the reader waited for the computation, until the pool gave up.
 */
class VersionedCacheConnectionTests extends IntegrationTest {

    @Test
    void aReaderWaitingForAComputationHoldsNoConnectionItNeeds() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try (SecondNode node = SecondNode.start(
                "--spring.datasource.hikari.maximum-pool-size=2",
                "--spring.datasource.hikari.connection-timeout=4000")) {
            VersionedCache cache = node.context().getBean(VersionedCache.class);
            JdbcTemplate jdbc = node.context().getBean(JdbcTemplate.class);
            TransactionTemplate scope =
                    new TransactionTemplate(node.context().getBean(PlatformTransactionManager.class));
            scope.setPropagationBehavior(TransactionDefinition.PROPAGATION_SUPPORTS);
            scope.setReadOnly(true);
            DataVersions.Version version = new DataVersions.Version(System.nanoTime(), Instant.now());
            CountDownLatch readersHold = new CountDownLatch(2);
            CountDownLatch computing = new CountDownLatch(1);

            // each reader's scope takes a connection with its first statement, then asks for the entry
            List<Future<Integer>> readers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                readers.add(threads.submit(() -> scope.execute(s -> {
                    jdbc.queryForObject("select 1", Integer.class);
                    readersHold.countDown();
                    await(computing);
                    sleep(500); // the other request is now in the cache, computing
                    return cache.get(
                            VersionedCache.PAGES,
                            version,
                            "connection-test",
                            () -> jdbc.queryForObject("select 2", Integer.class));
                })));
            }
            assertThat(readersHold.await(10, TimeUnit.SECONDS)).isTrue();
            // another request computes the entry, which reads the database
            Future<Integer> computer = threads.submit(() -> {
                computing.countDown();
                return cache.get(
                        VersionedCache.PAGES,
                        version,
                        "connection-test",
                        () -> jdbc.queryForObject("select 3", Integer.class));
            });

            // both get the same answer (whichever computed it), neither the pool's timeout
            Integer computed = computer.get(30, TimeUnit.SECONDS);
            assertThat(computed).isIn(2, 3);
            for (Future<Integer> reader : readers) {
                assertThat(reader.get(30, TimeUnit.SECONDS)).isEqualTo(computed);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
