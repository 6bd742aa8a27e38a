package vn.dvk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.WebSession;
import vn.dvk.support.World;

/** Each page says which language it is written in, and lets a keyboard skip the navigation. */
class PageLanguageTests extends IntegrationTest {

    private static final Pattern HTML_LANG = Pattern.compile("<html[^>]*\\slang=\"([a-z]+)\"");
    private static final Pattern FOCUSABLE = Pattern.compile("<(a|button|input|select|textarea)\\b[^>]*>");

    @Test
    void aPageIsMarkedVietnameseByDefaultAndEnglishOnceEnglishIsChosen() {
        // given a signed-in user
        World w = new World(api());
        WebSession web = WebSession.signedIn(api().base(), w.username("reporterA"), PASSWORD);

        // when the user opens pages in the default language, then chooses English and opens another
        String vietnamese = web.get("/models").body();
        String english = web.get("/?lang=en").body();
        String englishLater = web.get("/models").body();
        String vietnameseAgain = web.get("/models?lang=vi").body();

        // then each page's <html lang> is the language its texts are in
        assertThat(lang(vietnamese)).isEqualTo("vi");
        assertThat(lang(english)).isEqualTo("en");
        assertThat(lang(englishLater)).isEqualTo("en");
        assertThat(lang(vietnameseAgain)).isEqualTo("vi");
        assertThat(english).contains("Skip to content");
        assertThat(vietnamese).contains("Bỏ qua điều hướng");
    }

    @Test
    void theFirstFocusableElementOfAPageSkipsToItsMainContent() {
        // given the sign-in page and a signed-in user's home and statistics pages
        World w = new World(api());
        WebSession web = WebSession.signedIn(api().base(), w.username("reporterA"), PASSWORD);
        String login = new WebSession(api().base()).get("/login").body();

        for (String page :
                new String[] {login, web.get("/").body(), web.get("/statistics").body()}) {
            // when the first element a keyboard reaches is found
            String first = firstFocusable(page);

            // then it is the skip link, and it points at the page's main element
            assertThat(first).contains("skip-link").contains("href=\"#main\"");
            assertThat(page).containsPattern("<main id=\"main\"");
        }
    }

    private static String lang(String page) {
        Matcher m = HTML_LANG.matcher(page);
        assertThat(m.find()).as("an <html lang>").isTrue();
        return m.group(1);
    }

    private static String firstFocusable(String page) {
        Matcher m = FOCUSABLE.matcher(page.substring(page.indexOf("<body")));
        while (m.find()) {
            if (!m.group().contains("type=\"hidden\"")) {
                return m.group();
            }
        }
        throw new AssertionError("no focusable element");
    }
}
