package vn.dvk.model;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
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

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.dvk.account.CurrentUser;
import vn.dvk.shared.Level;
import vn.dvk.shared.Limits;
import vn.dvk.shared.Problems;
import vn.dvk.shared.Role;
import vn.dvk.support.PageSlice;
import vn.dvk.support.SliceUser;
import vn.dvk.unit.UnitDirectory;

/**
 * The model pages in a slice: the model's page offers the acts {@link ModelPolicy} allows the signed-in role on a model
 * in its status and hides the others; its appraisal and review forms are checked against their request records before
 * the registry is asked (the answer goes back to the page, beside the field); the registration form's own checks and
 * its refusal of a role that may not register, both before the registry.
 */
@PageSlice(ModelPageController.class)
class ModelPageSliceTests {

    private static final long ID = SliceModels.ID;
    private static final String PAGE = "/models/" + ID;
    /** The message for a free text over {@link Limits#TEXT} characters. */
    private static final String TOO_LONG = "Tối đa " + Limits.TEXT + " ký tự.";

    private static final CurrentUser REPORTER = SliceUser.of(Role.REPORTER);
    private static final CurrentUser APPRAISER = SliceUser.of(Role.APPRAISER);
    private static final CurrentUser VIEWER = SliceUser.of(Role.VIEWER);
    private static final Matcher<String> EDIT = containsString("href=\"" + PAGE + "/edit\"");
    private static final Matcher<String> SUBMIT = containsString("id=\"submit-model\"");
    private static final Matcher<String> APPRAISAL = containsString("id=\"appraisal\"");
    private static final Matcher<String> REVIEW = containsString("id=\"review\"");
    private static final Matcher<String> ACTIONS = containsString("id=\"actions-h\"");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ModelRegistry registry;

    @MockitoBean
    UnitDirectory units;

    @MockitoBean
    RegistrationDocument registrationDocument;

    @MockitoBean
    ModelLineage lineage;

    @ParameterizedTest(name = "a {0} is offered [{3}] on a {1} model registered at the {2} level")
    @CsvSource(
            delimiter = '|',
            value = {
                // a reporter of the model's unit: edit and submit while the model is his to write, then nothing
                "REPORTER|DRAFT|COMMUNE|edit submit",
                "REPORTER|CHANGES_REQUESTED|COMMUNE|edit submit",
                "REPORTER|SUBMITTED|COMMUNE|",
                "REPORTER|ACCEPTED|COMMUNE|",
                // an appraiser of the province: the appraisal of a registration at his level or below, not above
                "APPRAISER|SUBMITTED|PROVINCE|appraise",
                "APPRAISER|SUBMITTED|COMMUNE|appraise",
                "APPRAISER|SUBMITTED|CENTRAL|",
                // the annual review of a settled model, at any level
                "APPRAISER|ACCEPTED|COMMUNE|review",
                "APPRAISER|RECOGNIZED|CENTRAL|review",
                "APPRAISER|REJECTED|COMMUNE|",
                // a viewer reads, whatever the status
                "VIEWER|SUBMITTED|PROVINCE|",
                "VIEWER|ACCEPTED|COMMUNE|"
            })
    void theModelsPageOffersTheActsThePolicyAllowsTheRoleInTheModelsStatusAndNoOther(
            Role role, ModelStatus status, Level level, String acts) throws Exception {
        // given
        CurrentUser user = SliceUser.of(role);
        // when
        ResultActions page = show(user, status, level);
        // then
        offers(page, acts == null ? new String[0] : acts.split(" "));
        page.andExpect(content().string(containsString(SliceModels.TITLE)));
    }

    @Test
    void theOfferedFormsPostToTheModelsOwnAddressesWithTheirChoices() throws Exception {
        // given: a reporter's draft, an appraiser's registration to appraise, a settled model to review
        // when
        ResultActions draft = show(REPORTER, ModelStatus.DRAFT, Level.COMMUNE);
        ResultActions submitted = show(APPRAISER, ModelStatus.SUBMITTED, Level.PROVINCE);
        ResultActions accepted = show(APPRAISER, ModelStatus.ACCEPTED, Level.COMMUNE);
        // then
        draft.andExpect(content().string(containsString("action=\"" + PAGE + "/submit\"")));
        submitted
                .andExpect(content().string(containsString("action=\"" + PAGE + "/appraisal\"")))
                .andExpect(content().string(containsString("id=\"decision-ACCEPT\"")))
                .andExpect(content().string(containsString("id=\"decision-REQUEST_CHANGES\"")))
                .andExpect(content().string(containsString("id=\"decision-REJECT\"")))
                .andExpect(content().string(containsString("maxlength=\"" + Limits.TEXT + "\"")));
        accepted.andExpect(content().string(containsString("action=\"" + PAGE + "/reviews\"")))
                .andExpect(content().string(containsString("<option value=\"RETIRE\">")));
    }

    @Test
    void anAppraisalWithoutADecisionGoesBackToThePageWithTheMessageBesideTheDecision() throws Exception {
        // given
        String comment = "Cần bổ sung số liệu";
        // when
        MvcResult answer = mvc.perform(form(APPRAISER, PAGE + "/appraisal", "comment", comment))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(PAGE + "#appraisal"))
                .andExpect(flash().attribute("openForm", "appraisal"))
                .andExpect(flash().attribute("formErrors", Map.of("decision", "Bắt buộc nhập.")))
                .andExpect(flash().attribute("formComment", comment))
                .andReturn();
        // then: the page the browser is sent back to shows the message under the decisions and keeps the comment
        show(APPRAISER, ModelStatus.SUBMITTED, Level.PROVINCE, answer)
                .andExpect(content().string(beside("</label>\\s*</div>", "Bắt buộc nhập.", "decision-REJECT")))
                .andExpect(content().string(containsString(">" + comment + "</textarea>")));
        verify(registry, never()).appraise(any(), any(), any(), any());
    }

    @Test
    void anAppraisalWithAnOverLongCommentGoesBackToThePageWithTheMessageBesideTheComment() throws Exception {
        // given
        String comment = "x".repeat(Limits.TEXT + 1);
        // when
        MvcResult answer = mvc.perform(form(APPRAISER, PAGE + "/appraisal", "decision", "REJECT", "comment", comment))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(PAGE + "#appraisal"))
                .andExpect(flash().attribute("formErrors", Map.of("comment", TOO_LONG)))
                .andReturn();
        // then
        show(APPRAISER, ModelStatus.SUBMITTED, Level.PROVINCE, answer)
                .andExpect(content().string(beside("</textarea>", TOO_LONG, "appraisal-comment")));
        verify(registry, never()).appraise(any(), any(), any(), any());
    }

    @Test
    void aReviewOfAYearOutOfRangeOrWithoutAnOutcomeGoesBackToThePageWithoutCallingTheRegistry() throws Exception {
        // given: a year before 2009, and no outcome
        // when
        MvcResult answer = mvc.perform(form(APPRAISER, PAGE + "/reviews", "year", "2008"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(PAGE + "#review"))
                .andExpect(flash().attribute("openForm", "review"))
                .andExpect(flash().attribute(
                                "formErrors",
                                Map.of("outcome", "Bắt buộc nhập.", "year", "Năm phải trong khoảng 2009–2100.")))
                .andReturn();
        // then
        show(APPRAISER, ModelStatus.ACCEPTED, Level.COMMUNE, answer)
                .andExpect(content()
                        .string(beside("name=\"year\"[^>]*>", "Năm phải trong khoảng 2009–2100.", "review-year")))
                .andExpect(content().string(beside("</select>", "Bắt buộc nhập.", "review-outcome")));
        verify(registry, never()).review(any(), any(), anyInt(), any(), any());
    }

    @Test
    void aRejectionOrARetirementWithoutACommentIsTheRegistrysCheckShownBesideTheComment() throws Exception {
        // given: the page checks only the request records; a comment required by the decision is the registry's rule
        when(registry.appraise(APPRAISER, ID, AppraisalDecision.REJECT, null))
                .thenThrow(new Problems.Invalid("comment", "appraisal.comment.required"));
        when(registry.review(APPRAISER, ID, 2025, ReviewOutcome.RETIRE, null))
                .thenThrow(new Problems.Invalid("comment", "review.comment.required"));
        // when
        MvcResult appraisal = mvc.perform(form(APPRAISER, PAGE + "/appraisal", "decision", "REJECT"))
                .andExpect(redirectedUrl(PAGE + "#appraisal"))
                .andReturn();
        MvcResult review = mvc.perform(form(APPRAISER, PAGE + "/reviews", "year", "2025", "outcome", "RETIRE"))
                .andExpect(redirectedUrl(PAGE + "#review"))
                .andReturn();
        // then
        show(APPRAISER, ModelStatus.SUBMITTED, Level.PROVINCE, appraisal)
                .andExpect(content()
                        .string(beside(
                                "</textarea>",
                                "Cần ghi rõ ý kiến khi đề nghị điều chỉnh hoặc không ghi nhận.",
                                "appraisal-comment")));
        show(APPRAISER, ModelStatus.ACCEPTED, Level.COMMUNE, review)
                .andExpect(content()
                        .string(beside(
                                "name=\"comment\"[^>]*>", "Cần ghi rõ lý do khi loại bỏ mô hình.", "review-comment")));
        verify(registry).appraise(APPRAISER, ID, AppraisalDecision.REJECT, null);
        verify(registry).review(APPRAISER, ID, 2025, ReviewOutcome.RETIRE, null);
    }

    @Test
    void aRegistrationWithABlankTitleOrAnOverLongSectionIsShownBesideItsFieldsWithoutCallingTheRegistry()
            throws Exception {
        // given
        MockHttpServletRequestBuilder registration = form(
                REPORTER,
                "/models",
                "title",
                " ",
                "field",
                "ECONOMY",
                "unitCode",
                "BTR-AN",
                "level",
                "COMMUNE",
                "year",
                "2025",
                "holderType",
                "COLLECTIVE",
                "holderName",
                "Hội Nông dân xã An Hội",
                "origin",
                "NEW",
                "situation",
                "x".repeat(Limits.TEXT + 1));
        // when
        ResultActions answer = mvc.perform(registration);
        // then
        answer.andExpect(status().isOk())
                .andExpect(view().name(ModelPageController.FORM_VIEW))
                .andExpect(model().attributeHasFieldErrorCode("form", "title", "NotBlank"))
                .andExpect(model().attributeHasFieldErrorCode("form", "situation", "Size"))
                .andExpect(content()
                        .string(containsString(
                                "<div id=\"title-error\" class=\"invalid-feedback\">Bắt buộc nhập.</div>")))
                .andExpect(content()
                        .string(containsString(
                                "<div id=\"situation-error\" class=\"invalid-feedback\">" + TOO_LONG + "</div>")))
                // what was chosen and typed stays in the form
                .andExpect(content().string(containsString("<option value=\"ECONOMY\" selected=\"selected\">")))
                .andExpect(content().string(containsString(">4.001 / 4.000 ký tự</div>")));
        verify(registry, never()).register(any(), any());
    }

    @Test
    void aRoleThatMayNotRegisterIsRefusedByThePageBeforeTheRegistry() throws Exception {
        // given
        CurrentUser viewer = VIEWER;
        // when
        ResultActions answer = mvc.perform(form(viewer, "/models", "title", SliceModels.TITLE));
        // then
        answer.andExpect(status().isForbidden())
                .andExpect(view().name("error/problem"))
                .andExpect(content().string(containsString("Bạn không có quyền thực hiện thao tác này.")));
        verifyNoInteractions(registry);
    }

    @Test
    void aSignedOutVisitorIsSentToTheSignInPage() throws Exception {
        // given: no one signed in
        // when
        ResultActions answer = mvc.perform(get(PAGE));
        // then
        answer.andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        verifyNoInteractions(registry);
    }

    @Test
    void aFormSentWithoutTheCsrfTokenIsRefused() throws Exception {
        // given
        MockHttpServletRequestBuilder submit = post(PAGE + "/submit").with(SliceUser.signedIn(REPORTER));
        // when
        ResultActions answer = mvc.perform(submit);
        // then
        answer.andExpect(status().isForbidden());
        verifyNoInteractions(registry);
    }

    /** The model's page as {@code user} sees it, for a model of a commune of the user's province. */
    private ResultActions show(CurrentUser user, ModelStatus status, Level level) throws Exception {
        return show(user, status, level, null);
    }

    /** The same, as the browser gets it back after {@code posted} (with the flash attributes that answer left). */
    private ResultActions show(CurrentUser user, ModelStatus status, Level level, MvcResult posted) throws Exception {
        when(registry.detail(eq(user), eq(ID)))
                .thenReturn(new ModelRegistry.Detail(SliceModels.of(status, level), List.of(), List.of(), null));
        MockHttpServletRequestBuilder request = get(PAGE).with(SliceUser.signedIn(user));
        if (posted != null) {
            // a flash attribute the answer left null (no comment typed) is no attribute for the page
            posted.getFlashMap().forEach((name, value) -> {
                if (value != null) {
                    request.flashAttr(name, value);
                }
            });
        }
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andExpect(view().name(ModelPageController.DETAIL_VIEW))
                .andExpect(model().attribute("m", SliceModels.of(status, level)));
    }

    /** A form posted by {@code user} with its token, its fields given as name, value, name, value... */
    private static MockHttpServletRequestBuilder form(CurrentUser user, String path, String... fields) {
        MockHttpServletRequestBuilder request =
                post(path).with(SliceUser.signedIn(user)).with(csrf());
        for (int i = 0; i < fields.length; i += 2) {
            request.param(fields[i], fields[i + 1]);
        }
        return request;
    }

    /**
     * The page offers exactly these acts ({@code edit}, {@code submit}, {@code appraise}, {@code review}) and no other:
     * {@link ModelPolicy}'s answer in the page's model, and the link or form of each act in the HTML (the actions'
     * section only when one is offered).
     */
    private static void offers(ResultActions page, String... acts) throws Exception {
        Set<String> offered = Set.of(acts);
        Map<String, Matcher<String>> html =
                Map.of("edit", EDIT, "submit", SUBMIT, "appraise", APPRAISAL, "review", REVIEW);
        Map<String, Boolean> can = new HashMap<>();
        html.keySet().forEach(act -> can.put(act, offered.contains(act)));
        page.andExpect(model().attribute("can", can))
                .andExpect(content().string(offered.isEmpty() ? not(ACTIONS) : ACTIONS));
        for (Map.Entry<String, Matcher<String>> act : html.entrySet()) {
            page.andExpect(content().string(offered.contains(act.getKey()) ? act.getValue() : not(act.getValue())));
        }
    }

    /**
     * The message of a form of the model's page right after its field: the input {@code id}, then the end of the field
     * as {@code after} (a regex) gives it, then the message's {@code form-text-error} line.
     */
    private static Matcher<String> beside(String after, String message, String id) {
        return matchesPattern("(?s).*id=\"" + id + "\"(?:(?!</form>).)*?" + after
                + "\\s*<div class=\"form-text-error[^\"]*\">" + Pattern.quote(message) + "</div>.*");
    }
}
