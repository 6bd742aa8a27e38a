package vn.dvk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.TestDatabase;

/**
 * A first start on an empty database, watched over HTTP while it runs: the port answers before the first-start work
 * (administrator, demo world) is done, but readiness stays refused until all of it is, so a client that waits for
 * readiness signs in as the administrator at its first try.
 */
@Tag("db")
class FirstStartReadinessTests {

    /** What a client saw at one moment of the start. */
    record Seen(int readiness, String readinessStatus, int liveness, int adminSignIn, int demoSignIn) {}

    @Test
    void readinessIsRefusedUntilTheFirstStartWorkIsDone() throws Exception {
        Map<String, Seen> seen = new ConcurrentHashMap<>();
        List<Integer> waitingClientSaw = new CopyOnWriteArrayList<>();
        AtomicInteger waitingClientSignIn = new AtomicInteger();
        Thread[] waitingClient = new Thread[1];
        SpringApplicationBuilder app = new SpringApplicationBuilder(DvkApplication.class).initializers(context -> {
            // runners of the test around the application's own: AdminBootstrap (0), MapLoaderRunner (5), DemoRunner
            // (10)
            context.getBeanFactory()
                    .registerSingleton("probeBeforeFirstStart", probe(Ordered.HIGHEST_PRECEDENCE, context, api -> {
                        seen.put("before", look(api));
                        waitingClient[0] = new Thread(
                                () -> waitForReadinessThenSignIn(api, waitingClientSaw, waitingClientSignIn),
                                "waiting-client");
                        waitingClient[0].start();
                    }));
            context.getBeanFactory()
                    .registerSingleton(
                            "probeAfterFirstStart",
                            probe(Ordered.LOWEST_PRECEDENCE, context, api -> seen.put("after", look(api))));
        });

        String base;
        try (ConfigurableApplicationContext context = app.run(
                "--server.port=0",
                "--spring.datasource.url=" + TestDatabase.fresh("ready"),
                "--spring.datasource.username=" + TestDatabase.user(),
                "--spring.datasource.password=",
                "--DVK_ADMIN_PASSWORD=" + IntegrationTest.ADMIN_PASSWORD,
                "--dvk.demo=true")) {
            base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
            waitingClient[0].join(60_000);
            Api.Res ready = new Api(base).get("/actuator/health/readiness", null);

            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.json().propertyNames()).containsExactly("status");
            assertThat(ready.json().get("status").asString()).isEqualTo("UP");
        }

        assertThat(seen.get("before"))
                .as("before the first-start work: the port answers, nobody can sign in")
                .isEqualTo(new Seen(503, "OUT_OF_SERVICE", 200, 401, 401));
        assertThat(seen.get("after"))
                .as("after all of it, until the application is marked ready")
                .isEqualTo(new Seen(503, "OUT_OF_SERVICE", 200, 200, 200));
        assertThat(waitingClientSaw)
                .as("the waiting client was refused at first")
                .contains(503);
        assertThat(waitingClientSaw).as("...and then ready").endsWith(200);
        assertThat(waitingClientSignIn.get())
                .as("its sign-in right after readiness")
                .isEqualTo(200);
    }

    private interface Look {
        void at(Api api);
    }

    private static ApplicationRunner probe(int order, ConfigurableApplicationContext context, Look look) {
        return new OrderedRunner(
                order,
                () -> look.at(
                        new Api("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"))));
    }

    private static Seen look(Api api) {
        Api.Res readiness = api.get("/actuator/health/readiness", null);
        return new Seen(
                readiness.status(),
                readiness.json().get("status").asString(),
                api.get("/actuator/health/liveness", null).status(),
                api.post(
                                "/api/v1/auth/token",
                                Map.of("username", "admin", "password", IntegrationTest.ADMIN_PASSWORD),
                                null)
                        .status(),
                api.post("/api/v1/auth/token", Map.of("username", "quantri", "password", "dvk-demo-2026!"), null)
                        .status());
    }

    /** A client of a load balancer: polls readiness and signs in as the administrator as soon as it is UP. */
    private static void waitForReadinessThenSignIn(Api api, List<Integer> saw, AtomicInteger signIn) {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            int status = api.get("/actuator/health/readiness", null).status();
            saw.add(status);
            if (status == 200) {
                signIn.set(api.post(
                                "/api/v1/auth/token",
                                Map.of("username", "admin", "password", IntegrationTest.ADMIN_PASSWORD),
                                null)
                        .status());
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A runner at a given place among the application's runners. */
    private record OrderedRunner(int order, Runnable work) implements ApplicationRunner, Ordered {

        @Override
        public void run(ApplicationArguments args) {
            work.run();
        }

        @Override
        public int getOrder() {
            return order;
        }
    }
}
