package vn.dvk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Objects;
import org.junit.jupiter.api.Test;
import vn.dvk.shared.VersionedCache;
import vn.dvk.support.CacheEntries;
import vn.dvk.support.CachedAnswerTest;
import vn.dvk.support.WebSession;

/**
 * The main menu and the page's assets are kept as HTML per role, place in the menu and language ({@link PageParts}):
 * users of the same roles share one, each page marks its own place, an administrator gets his menu, English its own;
 * and a page whose menu is rendered while the page renders keeps its own variables (its forms' bindings).
 */
class PageMenuKeptTests extends CachedAnswerTest {

    private static final String MENU = PageParts.MENU_VIEW;

    @Test
    void reportersShareOneMenuPerPlaceAndEachPageMarksItsOwn() {
        WebSession a = WebSession.signedIn(api().base(), w.username("reporterA"), PASSWORD);
        WebSession b = WebSession.signedIn(api().base(), w.username("reporterB"), PASSWORD);

        String models = a.get("/models").body();
        long kept = menus("[menu, models, false, true]");
        String modelsOfB = b.get("/models").body();
        String home = b.get("/").body();

        assertThat(kept).isEqualTo(1);
        assertThat(menus("[menu, models, false, true]")).isEqualTo(1);
        assertThat(menu(modelsOfB)).isEqualTo(menu(models));
        assertThat(menu(models))
                .contains("class=\"nav-link active\" href=\"/models\"")
                .contains("href=\"/imports\"")
                .doesNotContain("/admin/units");
        assertThat(menu(home))
                .contains("class=\"nav-link active\" href=\"/\"")
                .doesNotContain("class=\"nav-link active\" href=\"/models\"");
        // the page around the menu stays the user's own
        assertThat(models).contains("Người dùng reporterA").doesNotContain("Người dùng reporterB");
        assertThat(modelsOfB).contains("Người dùng reporterB");
    }

    @Test
    void anAdministratorGetsHisMenuAndEnglishItsOwn() {
        WebSession admin = WebSession.signedIn(api().base(), w.username("adminP"), PASSWORD);
        WebSession reporter = WebSession.signedIn(api().base(), w.username("reporterA"), PASSWORD);

        String adminMenu = menu(admin.get("/models").body());
        String english = menu(reporter.get("/models?lang=en").body());

        assertThat(adminMenu).contains("href=\"/admin/units\"").contains(">Quản trị<");
        assertThat(english).contains(">Models<").contains(">Excel import<").doesNotContain(">Mô hình<");
        assertThat(menus("[menu, models, true, false]")).isEqualTo(1);
    }

    @Test
    void aPageWhoseMenuIsRenderedWhileItRendersKeepsItsFormsBindings() {
        Objects.requireNonNull(caches.getCache(VersionedCache.FRAGMENTS)).clear();
        WebSession admin = WebSession.signedIn(api().base(), w.username("adminP"), PASSWORD);

        WebSession.Page units = admin.get("/admin/units");

        assertThat(units.status()).isEqualTo(200);
        assertThat(units.body()).contains(w.communeA).contains("href=\"/admin/units\"");
        assertThat(menus("[menu, units, true, false]")).isEqualTo(1);
    }

    private long menus(String key) {
        return CacheEntries.count(
                caches, VersionedCache.FRAGMENTS, k -> k.contains(MENU) && k.contains(key) && k.contains(", vi,"));
    }

    private static String menu(String page) {
        int from = page.indexOf("<ul class=\"navbar-nav me-auto\">");
        assertThat(from).as("the page has its menu").isNotNegative();
        return page.substring(from, page.indexOf("</ul>\n", page.indexOf("navbar-nav me-auto")) + 5);
    }
}
