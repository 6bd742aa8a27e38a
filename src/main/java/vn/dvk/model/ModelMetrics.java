package vn.dvk.model;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@code dvk.model.transitions}: the transitions of models by name (the audit trail's action: {@code CREATE},
 * {@code SUBMIT}, {@code APPRAISE_ACCEPT}, {@code RECOGNIZE}, {@code REVIEW_RETIRE}…), counted when their transaction
 * commits, so a refused or rolled-back change is not counted.
 */
@Component
class ModelMetrics {

    private final MeterRegistry registry;

    ModelMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void transitioned(String transition) {
        Counter counter = Counter.builder("dvk.model.transitions")
                .description("Model transitions (committed), by the audit trail's action")
                .tag("transition", transition)
                .register(registry);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    counter.increment();
                }
            });
        } else {
            counter.increment();
        }
    }
}
