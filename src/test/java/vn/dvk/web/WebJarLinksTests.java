package vn.dvk.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.WebSession;
import vn.dvk.support.World;

/** Links to WebJars carry their version; every other link a page builds is written as the template wrote it. */
class WebJarLinksTests extends IntegrationTest {

    @Test
    void aPageLinksWebJarsByVersionAndItsOtherLinksAsWritten() {
        // given a signed-in user
        World w = new World(api());
        WebSession web = WebSession.signedIn(api().base(), w.username("reporterA"), PASSWORD);

        for (String path : new String[] {"/login", "/models"}) {
            // when a page is opened (the sign-in page without a session, the model list with one)
            String page = (path.equals("/login") ? new WebSession(api().base()) : web)
                    .get(path)
                    .body();

            // then its WebJar links name the version of the jar that serves them, and the files answer
            assertThat(page)
                    .contains("/webjars/bootstrap/5.3.8/css/bootstrap.min.css")
                    .contains("/webjars/htmx.org/2.0.10/dist/htmx.min.js")
                    .doesNotContain("\"/webjars/bootstrap/css/bootstrap.min.css\"");
            assertThat(web.get("/webjars/htmx.org/2.0.10/dist/htmx.min.js").status())
                    .isEqualTo(200);
            // and its own files and pages are linked as written
            assertThat(page).contains("href=\"/css/app.css\"").contains("src=\"/js/app.js\"");
        }
        assertThat(web.get("/models").body()).contains("href=\"/models\"").contains("href=\"/statistics\"");
    }
}
