package vn.dvk.commendation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.dvk.account.CurrentUser;
import vn.dvk.model.HolderType;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;
import vn.dvk.shared.Role;
import vn.dvk.support.PageSlice;
import vn.dvk.support.SliceUser;

/**
 * The commendation pages in a slice: the list, and the issue form with its checks beside the fields, the registry's
 * refusals and its own checks ({@link Problems.Invalid}) shown the same way.
 */
@PageSlice(CommendationPageController.class)
class CommendationPageSliceTests {

    private static final CurrentUser LEADER = SliceUser.of(Role.APPROVER);
    private static final CommendationRegistry.CommendationView ISSUED = new CommendationRegistry.CommendationView(
            11L,
            CommendationForm.BANG_KHEN,
            HolderType.COLLECTIVE,
            "Hội Nông dân xã An Hội",
            "BTR-AN",
            "BTR",
            Level.PROVINCE,
            "15/QĐ-UBND",
            LocalDate.of(2025, 11, 20),
            "Mô hình dân vận khéo tiêu biểu",
            Set.of());

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CommendationRegistry registry;

    @MockitoBean
    CommendationCertificate certificate;

    @Test
    void theListShowsTheCommendationsOfTheUnitAndOffersTheFormToALeader() throws Exception {
        when(registry.listIn(eq(LEADER), eq("BTR"), any()))
                .thenReturn(new PageImpl<>(List.of(ISSUED), PageRequest.of(0, 20), 1));
        mvc.perform(get("/commendations").with(SliceUser.signedIn(LEADER)))
                .andExpect(status().isOk())
                .andExpect(view().name("commendation/list"))
                .andExpect(content().string(containsString("<h1 class=\"h3 mb-0\">Khen thưởng</h1>")))
                .andExpect(content().string(containsString("Hội Nông dân xã An Hội")))
                .andExpect(content().string(containsString("20/11/2025")))
                .andExpect(content().string(containsString("id=\"issue-commendation\"")));
    }

    @Test
    void theFormIsNotOfferedToAReporterAndRefusedIfAskedFor() throws Exception {
        CurrentUser reporter = SliceUser.of(Role.REPORTER);
        when(registry.listIn(eq(reporter), eq("BTR"), any())).thenReturn(new PageImpl<>(List.of()));
        mvc.perform(get("/commendations").with(SliceUser.signedIn(reporter)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Chưa có khen thưởng.")))
                .andExpect(content().string(not(containsString("id=\"issue-commendation\""))));
        mvc.perform(get("/commendations/new").with(SliceUser.signedIn(reporter)))
                .andExpect(status().isForbidden())
                .andExpect(view().name("error/problem"))
                .andExpect(content().string(containsString("Không có quyền")));
    }

    @Test
    void missingFieldsAndABadDateAreShownBesideTheirFieldsWithoutCallingTheRegistry() throws Exception {
        mvc.perform(issue("recipientName", "", "decisionDate", "31/02/2025"))
                .andExpect(status().isOk())
                .andExpect(view().name("commendation/form"))
                .andExpect(model().attributeExists("errors"))
                .andExpect(content().string(containsString("<h1 class=\"h3\">Ghi nhận khen thưởng</h1>")))
                .andExpect(content().string(feedback("recipientName", "Bắt buộc nhập.")))
                .andExpect(content().string(feedback("decisionDate", "Ngày không hợp lệ.")))
                // what was typed stays in the form
                .andExpect(content().string(containsString("value=\"15/QĐ-UBND\"")));
        verify(registry, never()).issue(any(), any());
    }

    @Test
    void theRegistrysOwnCheckIsShownBesideTheFieldItNames() throws Exception {
        when(registry.issue(eq(LEADER), any()))
                .thenThrow(new Problems.Invalid("unitCode", "commendation.unit.outsideIssuer"));
        mvc.perform(issue())
                .andExpect(status().isOk())
                .andExpect(view().name("commendation/form"))
                .andExpect(
                        content().string(feedback("unitCode", "Đơn vị nhận khen thưởng phải thuộc đơn vị ban hành.")));
    }

    @Test
    void theRegistrysRefusalIsTheForbiddenPage() throws Exception {
        when(registry.issue(eq(LEADER), any())).thenThrow(new Problems.Forbidden("access.denied"));
        mvc.perform(issue())
                .andExpect(status().isForbidden())
                .andExpect(view().name("error/problem"))
                .andExpect(content().string(containsString("Bạn không có quyền thực hiện thao tác này.")))
                // the error page keeps the user and the menu (issue 18, point 11)
                .andExpect(content().string(containsString("Nguyễn Thị Lát")));
    }

    @Test
    void aValidCommendationIsIssuedAndThePageRedirectsToTheRecipientsList() throws Exception {
        when(registry.issue(eq(LEADER), any())).thenReturn(ISSUED);
        mvc.perform(issue())
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/commendations?unit=BTR-AN"))
                .andExpect(flash().attribute("flashOk", "commendation.saved"));
        verify(registry)
                .issue(
                        LEADER,
                        new NewCommendation(
                                CommendationForm.BANG_KHEN,
                                HolderType.COLLECTIVE,
                                "Hội Nông dân xã An Hội",
                                "BTR-AN",
                                "BTR",
                                "15/QĐ-UBND",
                                LocalDate.of(2025, 11, 20),
                                "Mô hình dân vận khéo tiêu biểu",
                                Set.of(4L, 5L)));
    }

    @Test
    void aSignedOutVisitorIsSentToTheSignInPageAndAFormWithoutItsTokenIsRefused() throws Exception {
        mvc.perform(get("/commendations/new"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(post("/commendations").with(SliceUser.signedIn(LEADER)).param("form", "BANG_KHEN"))
                .andExpect(status().isForbidden());
        verifyNoInteractions(registry);
    }

    /**
     * The issue form as a leader of the province sends it, all fields valid but those that {@code changed} gives
     * (name, value, name, value...).
     */
    private static MockHttpServletRequestBuilder issue(String... changed) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("form", "BANG_KHEN");
        fields.put("recipientType", "COLLECTIVE");
        fields.put("recipientName", "Hội Nông dân xã An Hội");
        fields.put("unitCode", "BTR-AN");
        fields.put("issuerUnitCode", "BTR");
        fields.put("decisionNumber", "15/QĐ-UBND");
        fields.put("decisionDate", "2025-11-20");
        fields.put("reason", "Mô hình dân vận khéo tiêu biểu");
        fields.put("modelIds", "4, 5");
        for (int i = 0; i < changed.length; i += 2) {
            fields.put(changed[i], changed[i + 1]);
        }
        MockHttpServletRequestBuilder request =
                post("/commendations").with(SliceUser.signedIn(LEADER)).with(csrf());
        fields.forEach((name, value) -> request.param(name, value));
        return request;
    }

    /** The message beside a field of the form: the field marked invalid, its feedback right after it. */
    private static Matcher<String> feedback(String field, String message) {
        return matchesPattern("(?s).*id=\"" + field
                + "\"[^>]*is-invalid[^>]*>\\s*(</textarea>)?\\s*<div class=\"invalid-feedback\">"
                + Pattern.quote(message) + "</div>.*");
    }
}
