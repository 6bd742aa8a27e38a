package vn.dvk.model;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.dvk.account.Accounts;
import vn.dvk.account.CurrentUser;
import vn.dvk.shared.Level;
import vn.dvk.shared.Limits;
import vn.dvk.shared.Problems;
import vn.dvk.shared.Role;
import vn.dvk.support.PageSlice;
import vn.dvk.support.SliceUser;

/**
 * {@code POST /api/v1/models} in a slice: the API chain's bearer tokens, and a bad body (blank, over-long, not JSON)
 * answered as problem details (RFC 9457) that name the fields before the registry is asked. Who may register is the
 * registry's own check ({@link ModelPolicy#require}, inside the mocked {@link ModelRegistry}): the slice shows only
 * that the web layer passes the call on and answers the registry's refusal as a problem.
 */
@PageSlice(ModelApiController.class)
class ModelApiSliceTests {

    private static final CurrentUser REPORTER = SliceUser.of(Role.REPORTER);
    private static final String TITLE = SliceModels.TITLE;
    /** The message for a free text over {@link Limits#TEXT} characters. */
    private static final String TOO_LONG = "Tối đa " + Limits.TEXT + " ký tự.";

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @MockitoBean
    ModelRegistry registry;

    @MockitoBean
    RegistrationDocument registrationDocument;

    @Test
    void withoutATokenTheCallIsUnauthorizedAsAProblem() throws Exception {
        // given: no token, then a token nobody holds
        String body = body(TITLE, "");
        // when
        ResultActions without = mvc.perform(post("/api/v1/models")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
        ResultActions unknown = mvc.perform(post("/api/v1/models")
                .header(HttpHeaders.AUTHORIZATION, "Bearer not-a-token")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
        // then
        without.andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.title").value("Chưa đăng nhập"))
                .andExpect(jsonPath("$.detail").value("Cần đăng nhập (thiếu hoặc sai mã truy cập)."));
        unknown.andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        verifyNoInteractions(registry);
    }

    @Test
    void aBlankTitleIsABadRequestNamingTheField() throws Exception {
        // given
        String body = body(" ", "");
        // when
        ResultActions answer = mvc.perform(register(REPORTER, body));
        // then
        answer.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.title").value("Dữ liệu không hợp lệ"))
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value("title"))
                .andExpect(jsonPath("$.errors[0].message").value("Bắt buộc nhập."));
        verifyNoInteractions(registry);
    }

    @Test
    void overLongTextsAreABadRequestNamingEachField() throws Exception {
        // given: a dossier section one character over Limits.TEXT, a title one over its 500
        String body = body("x".repeat(501), "x".repeat(Limits.TEXT + 1));
        // when
        ResultActions answer = mvc.perform(register(REPORTER, body));
        // then
        answer.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors", hasSize(2)))
                .andExpect(jsonPath("$.errors[?(@.field == 'situation')].message", hasItem(TOO_LONG)))
                .andExpect(jsonPath("$.errors[?(@.field == 'title')].message", hasItem("Tối đa 500 ký tự.")));
        verifyNoInteractions(registry);
    }

    @Test
    void aSectionOfExactlyTheLimitIsPassedOnToTheRegistry() throws Exception {
        // given
        when(registry.register(eq(REPORTER), any())).thenReturn(SliceModels.of(ModelStatus.DRAFT, Level.COMMUNE));
        String body = body(TITLE, "x".repeat(Limits.TEXT));
        // when
        ResultActions answer = mvc.perform(register(REPORTER, body));
        // then
        answer.andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, "/api/v1/models/" + SliceModels.ID))
                .andExpect(jsonPath("$.id").value(SliceModels.ID))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                // the unit's path stays inside the server
                .andExpect(jsonPath("$.unitPath").doesNotExist());
        verify(registry)
                .register(
                        eq(REPORTER),
                        argThat(r -> TITLE.equals(r.title())
                                && r.situation().length() == Limits.TEXT
                                && r.level() == Level.COMMUNE));
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequestAsAProblem() throws Exception {
        // given
        String body = "{\"title\": \"" + TITLE + "\", ";
        // when
        ResultActions answer = mvc.perform(register(REPORTER, body));
        // then
        answer.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Nội dung gửi lên không phải JSON hợp lệ."));
        verifyNoInteractions(registry);
    }

    @Test
    void aRoleThatMayNotRegisterHasItsBodyCheckedFirstThenTheRegistrysRefusalIsForbiddenAsAProblem() throws Exception {
        // given: the web layer has no role check of its own (the API chain asks only for a signed-in caller)
        CurrentUser viewer = SliceUser.of(Role.VIEWER);
        when(registry.register(eq(viewer), any())).thenThrow(new Problems.Forbidden("access.denied"));
        // when
        ResultActions invalid = mvc.perform(register(viewer, body(" ", "")));
        ResultActions valid = mvc.perform(register(viewer, body(TITLE, "")));
        // then: a bad body is a 400 before the registry is asked; a good one reaches it, and its refusal is a 403
        invalid.andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("title"));
        valid.andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403))
                .andExpect(jsonPath("$.detail").value("Bạn không có quyền thực hiện thao tác này."));
        verify(registry).register(eq(viewer), argThat(r -> TITLE.equals(r.title())));
    }

    /** A registration of the commune BTR-AN with this title and dossier section {@code situation}. */
    private static String body(String title, String situation) {
        return """
                {"title": "%s", "field": "ECONOMY", "unitCode": "BTR-AN", "level": "COMMUNE", "year": 2025,
                 "holderType": "COLLECTIVE", "holderName": "Hội Nông dân xã An Hội", "origin": "NEW",
                 "situation": "%s"}""".formatted(title, situation);
    }

    /** A JSON call signed in with {@code user}'s API token (no CSRF token: the API chain reads no cookie). */
    private MockHttpServletRequestBuilder register(CurrentUser user, String json) {
        return post("/api/v1/models")
                .header(HttpHeaders.AUTHORIZATION, SliceUser.bearer(accounts, user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json);
    }
}
