package vn.dvk.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class ModelMetricsTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ModelMetrics metrics = new ModelMetrics(registry);

    @AfterEach
    void clear() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void aTransitionCountsWhenItsTransactionCommits() {
        TransactionSynchronizationManager.initSynchronization();

        metrics.transitioned("SUBMIT");
        double beforeCommit = count("SUBMIT");
        TransactionSynchronizationManager.getSynchronizations().forEach(TransactionSynchronization::afterCommit);

        assertThat(beforeCommit).isZero();
        assertThat(count("SUBMIT")).isEqualTo(1);
    }

    @Test
    void aRolledBackTransitionDoesNotCount() {
        TransactionSynchronizationManager.initSynchronization();

        metrics.transitioned("APPRAISE_ACCEPT");
        TransactionSynchronizationManager.getSynchronizations()
                .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));

        assertThat(count("APPRAISE_ACCEPT")).isZero();
    }

    @Test
    void outsideATransactionATransitionCountsAtOnce() {
        metrics.transitioned("REROUTE");

        assertThat(count("REROUTE")).isEqualTo(1);
        assertThat(count("SUBMIT")).isZero();
    }

    private double count(String transition) {
        var counter = registry.find("dvk.model.transitions")
                .tag("transition", transition)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
