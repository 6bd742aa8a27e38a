package vn.dvk.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dvk.account.Accounts;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Level;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.World;

/**
 * Two campaigns of the same unit, year and level launched at the same moment: the second one's check cannot see the
 * first (not committed yet), but the database's key on {@code campaign_level} lets only one through; the other is
 * refused with 409 naming the field and the first campaign, and nothing of it is written.
 */
class CampaignRaceTests extends IntegrationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    @Autowired
    CampaignRegistry registry;

    @Autowired
    Accounts accounts;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void ofTwoCampaignsLaunchedAtOnceForTheSameLevelOnlyOneIsWritten() throws Exception {
        World w = new World(api());
        Actor approver = accounts.authenticate(w.username("approverP"), PASSWORD, "test");
        CountDownLatch launched = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // the first launch, held open before its commit
        CompletableFuture<CampaignView> first =
                CompletableFuture.supplyAsync(() -> new TransactionTemplate(transactions).execute(status -> {
                    CampaignView v = registry.launch(
                            approver,
                            new CampaignRequest(
                                    w.province,
                                    2027,
                                    "Phát động thứ nhất năm 2027",
                                    "10-KH/BDV",
                                    null,
                                    TODAY,
                                    TODAY.plusDays(30),
                                    Set.of(Level.DISTRICT),
                                    false,
                                    null));
                    launched.countDown();
                    try {
                        release.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return v;
                }));
        assertThat(launched.await(30, TimeUnit.SECONDS)).isTrue();

        // the second launch passes the check (the first is not committed) and reaches the key while the first waits
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("unitCode", w.province);
        body.put("year", 2027);
        body.put("title", "Phát động thứ hai năm 2027");
        body.put("registrationOpens", TODAY.toString());
        body.put("registrationCloses", TODAY.plusDays(20).toString());
        body.put("levels", List.of("DISTRICT", "COMMUNE"));
        CompletableFuture<Api.Res> second =
                CompletableFuture.supplyAsync(() -> api().post("/api/v1/campaigns", body, w.token("approverP")));
        Thread.sleep(300);
        release.countDown();

        assertThat(first.get(30, TimeUnit.SECONDS).title()).isEqualTo("Phát động thứ nhất năm 2027");
        Api.Res refused = second.get(30, TimeUnit.SECONDS);
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("\"field\":\"levels\"").contains("Phát động thứ nhất năm 2027");
        Api.Res list = api().get("/api/v1/campaigns?unit=" + w.province + "&year=2027", w.token("approverP"));
        assertThat(list.json().valueStream().map(c -> c.get("title").asString()).toList())
                .containsExactly("Phát động thứ nhất năm 2027");

        // the level the second one alone asked for is still free
        body.put("levels", List.of("COMMUNE"));
        assertThat(api().post("/api/v1/campaigns", body, w.token("approverP")).status())
                .isEqualTo(201);
    }
}
