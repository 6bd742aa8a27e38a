package vn.dvk.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.WebSession;
import vn.dvk.support.WebSession.Page;
import vn.dvk.support.World;

/**
 * A province leader (APPROVER) whose level has no criteria set in force — as the demo's leader had none — opens a
 * round from the pages: told who may copy a set and led to it, copies it, and opens the round.
 */
class RoundOpeningPageTests extends IntegrationTest {

    private static final Pattern COPY_LINK = Pattern.compile("id=\"copy-criteria\"[^>]*href=\"([^\"]+)\"");

    @Test
    void aLeaderWithoutASetInForceCopiesTheOneOfferedAndOpensTheRound() {
        // given a province with no criteria set of its own and its leader, signed in
        World w = new World(api());
        WebSession leader = WebSession.signedIn(api().base(), w.username("approverP"), PASSWORD);
        leader.get("/recognition/rounds");

        // when the leader opens a round of 2024
        Page refused = leader.post("/recognition/rounds", round(w.province));

        // then the page says why, who may copy a set, and links to the set to copy with the form filled in
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text())
                .contains("chưa có bộ tiêu chí nào của cấp này đang có hiệu lực")
                .contains("Lãnh đạo Ban Chỉ đạo (vai trò Lãnh đạo) hoặc Quản trị của đơn vị sao chép");
        Matcher link = COPY_LINK.matcher(refused.body());
        assertThat(link.find()).as("link to the set to copy").isTrue();
        String href = link.group(1).replace("&amp;", "&");
        assertThat(href)
                .startsWith("/recognition/criteria/")
                .contains("unitCode=" + w.province)
                .contains("level=PROVINCE")
                .endsWith("#copy");

        // when the leader follows it and copies the set (the example: nothing is issued above the province)
        Page set = leader.get(href.substring(0, href.indexOf('#')));
        assertThat(set.body()).contains("id=\"copy\"").contains("Bộ tiêu chí mẫu");
        String setId = href.replaceAll("^/recognition/criteria/(\\d+).*$", "$1");
        Map<String, String> copy = new LinkedHashMap<>();
        copy.put("unitCode", w.province);
        copy.put("level", "PROVINCE");
        copy.put("effectiveFrom", "2024-01-01");
        Page copied = leader.post("/recognition/criteria/" + setId + "/copy", copy);

        // then the copy is the province's, and the round opens
        assertThat(copied.status()).isEqualTo(302);
        assertThat(copied.location()).matches(".*/recognition/criteria/\\d+$");
        leader.get("/recognition/rounds");
        Page opened = leader.post("/recognition/rounds", round(w.province));
        assertThat(opened.status()).isEqualTo(302);
        assertThat(opened.location()).matches(".*/recognition/rounds/\\d+$");
        Page round = leader.get(opened.location().replaceAll("^https?://[^/]+", ""));
        assertThat(round.text())
                .contains("Xét công nhận mô hình \"Dân vận khéo\" cấp tỉnh năm 2024")
                .contains("Bộ tiêu chí xét công nhận mô hình \"Dân vận khéo\"");
    }

    private static Map<String, String> round(String province) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("unitCode", province);
        form.put("level", "PROVINCE");
        form.put("year", "2024");
        form.put("basis", "NORMALISED");
        form.put("opensOn", LocalDate.now().toString());
        form.put("closesOn", LocalDate.now().plusDays(30).toString());
        return form;
    }
}
