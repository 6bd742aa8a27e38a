package vn.dvk.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.dvk.shared.VersionedCache;
import vn.dvk.support.CacheEntries;
import vn.dvk.support.CachedAnswerTest;
import vn.dvk.support.WebSession;
import vn.dvk.support.World;

/**
 * The lists and figures of "Việc cần làm" are kept as HTML per user and version of the user's area: rendered once
 * for two sessions of the same user, never shown to another user, rendered again after a write in the area; the page
 * around them (the session's token) stays the session's own.
 */
class HomeWorkKeptTests extends CachedAnswerTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");

    @Test
    void twoSessionsOfOneUserShareTheKeptListsAndKeepTheirOwnTokens() {
        String title = submitted("Chợ không rác nhựa ");
        WebSession first = WebSession.signedIn(api().base(), w.username("appraiserD"), PASSWORD);
        WebSession second = WebSession.signedIn(api().base(), w.username("appraiserD"), PASSWORD);

        String one = first.get("/").text();
        long kept = keptParts(w.username("appraiserD"));
        String two = second.get("/").text();

        assertThat(kept).isEqualTo(1);
        assertThat(keptParts(w.username("appraiserD"))).isEqualTo(1);
        assertThat(work(two))
                .isEqualTo(work(one))
                .contains("id=\"work-toAppraise\"")
                .contains(title);
        assertThat(token(one)).isNotEqualTo(token(two));
    }

    @Test
    void anotherUserGetsListsOfHisOwn() {
        String title = submitted("Đường hoa nông thôn mới ");
        WebSession appraiser = WebSession.signedIn(api().base(), w.username("appraiserD"), PASSWORD);
        WebSession reporter = WebSession.signedIn(api().base(), w.username("reporterA"), PASSWORD);

        String appraisers = work(appraiser.get("/").text());
        String reporters = work(reporter.get("/").text());

        assertThat(appraisers).contains("id=\"work-toAppraise\"").contains(title);
        assertThat(reporters).doesNotContain("id=\"work-toAppraise\"").doesNotContain(title);
        assertThat(keptParts(w.username("reporterA"))).isEqualTo(1);
    }

    @Test
    void aWriteInTheAreaShowsAtOnce() {
        String title = "Tổ tự quản an ninh trật tự " + w.communeA;
        long id = w.draft("reporterA", World.registration(title, w.communeA, "DISTRICT", "ECONOMY"));
        WebSession appraiser = WebSession.signedIn(api().base(), w.username("appraiserD"), PASSWORD);
        assertThat(work(appraiser.get("/").text())).doesNotContain(title);

        // when the reporter submits the registration, then the appraiser's next look lists it
        assertThat(w.submit("reporterA", id).status()).isEqualTo(200);

        assertThat(work(appraiser.get("/").text())).contains(title);
        assertThat(keptParts(w.username("appraiserD"))).isEqualTo(2);
    }

    /** The title of a registration of commune A, submitted to the district. */
    private String submitted(String name) {
        String title = name + w.communeA;
        long id = w.draft("reporterA", World.registration(title, w.communeA, "DISTRICT", "ECONOMY"));
        assertThat(w.submit("reporterA", id).status()).isEqualTo(200);
        return title;
    }

    /** The entries of the fragments cache that hold this user's "Việc cần làm" (one per version seen). */
    private long keptParts(String username) {
        return CacheEntries.count(
                caches,
                VersionedCache.FRAGMENTS,
                k -> k.contains(HomeController.WORK_VIEW) && k.contains(username + ","));
    }

    private static String work(String page) {
        int from = page.indexOf("<main");
        return page.substring(page.indexOf("<div class=\"row g-3\">", from), page.indexOf("</main>"));
    }

    private static String token(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("the page's token").isTrue();
        return m.group(1);
    }
}
