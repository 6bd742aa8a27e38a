package vn.dvk.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/** With {@code dvk.demo=true}, builds the demo world after the first administrator exists; once only. */
@Component
@Order(10)
@ConditionalOnProperty(name = "dvk.demo", havingValue = "true")
class DemoRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRunner.class);

    private final DemoWorld world;

    DemoRunner(DemoWorld world) {
        this.world = world;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            world.build();
        } catch (DataIntegrityViolationException e) {
            // Another node sharing the database built the world at the same moment; its copy stands.
            log.info("[demo] the demo world was built concurrently by another instance; nothing to do");
        }
    }
}
