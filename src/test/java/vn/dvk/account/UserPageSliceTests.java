package vn.dvk.account;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasProperty;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.dvk.shared.Problems;
import vn.dvk.shared.Role;
import vn.dvk.support.PageSlice;
import vn.dvk.support.SliceUser;

/**
 * The users' page in a slice ({@link Accounts} is mocked by every slice): the list, the new-user form with its checks
 * beside the fields and a password that never comes back in the page, and the accounts' refusals.
 */
@PageSlice(UserPageController.class)
class UserPageSliceTests {

    private static final CurrentUser ADMIN = SliceUser.of(Role.ADMIN);
    private static final String PASSWORD = "mat-khau-Slice-2026";

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @BeforeEach
    void users() {
        when(accounts.list(eq(ADMIN), any()))
                .thenReturn(new PageImpl<>(
                        List.of(
                                new Accounts.UserSummary(
                                        ADMIN.userId(),
                                        "slice",
                                        "Nguyễn Thị Lát",
                                        "BTR",
                                        "Tỉnh Bến Tre",
                                        Set.of(Role.ADMIN),
                                        true,
                                        null),
                                new Accounts.UserSummary(
                                        43L,
                                        "canbo.anhoi",
                                        "Trần Văn Hội",
                                        "BTR-AN",
                                        "Xã An Hội",
                                        Set.of(Role.REPORTER),
                                        true,
                                        "hoi@example.vn")),
                        PageRequest.of(0, 50),
                        2));
    }

    @Test
    void theListShowsTheUsersAndLetsTheAdminDisableOthersButNotHimself() throws Exception {
        mvc.perform(get("/admin/users").with(SliceUser.signedIn(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(view().name(UserPageController.VIEW))
                .andExpect(content().string(containsString("<h1 class=\"h3 mb-3\">Người dùng</h1>")))
                .andExpect(content().string(containsString("Trần Văn Hội")))
                .andExpect(content().string(containsString("Cán bộ đơn vị")))
                .andExpect(content().string(containsString("action=\"/admin/users/43/disable\"")))
                .andExpect(content().string(not(containsString("action=\"/admin/users/42/disable\""))));
    }

    @Test
    void aShortPasswordAndNoRoleAreShownBesideTheirFieldsAndThePasswordIsNotSentBack() throws Exception {
        mvc.perform(newUser("password", "ngan"))
                .andExpect(status().isOk())
                .andExpect(view().name(UserPageController.VIEW))
                .andExpect(model().attributeHasFieldErrorCode("form", "password", "Size"))
                .andExpect(model().attributeHasFieldErrorCode("form", "roles", "NotEmpty"))
                .andExpect(content().string(containsString("Mật khẩu dài từ 12 đến 128 ký tự.")))
                .andExpect(content().string(containsString("Chọn ít nhất một vai trò.")))
                .andExpect(content().string(passwordField("")))
                .andExpect(content().string(containsString("value=\"canbo.moi\"")));
        verify(accounts, never()).create(any(), any());
    }

    @Test
    void theAccountsOwnCheckIsShownBesideTheFieldItNamesAndThePasswordIsNotSentBack() throws Exception {
        when(accounts.create(eq(ADMIN), any())).thenThrow(new Problems.Invalid("username", "user.username.taken"));
        mvc.perform(newUser().param("roles", "REPORTER"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "username", "user.username.taken"))
                .andExpect(content()
                        .string(containsString("<div class=\"invalid-feedback\">Tên đăng nhập đã được dùng.</div>")))
                // neither in the page nor in the form the page was rendered from
                .andExpect(content().string(passwordField("")))
                .andExpect(content().string(not(containsString(PASSWORD))))
                .andExpect(model().attribute("form", hasProperty("password", nullValue())));
    }

    @Test
    void aValidUserIsCreated() throws Exception {
        mvc.perform(newUser().param("roles", "REPORTER", "VIEWER"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/users"));
        verify(accounts)
                .create(
                        ADMIN,
                        new NewUser(
                                "canbo.moi",
                                PASSWORD,
                                "Lê Thị Mới",
                                "BTR-AN",
                                Set.of(Role.REPORTER, Role.VIEWER),
                                "moi@example.vn"));
    }

    @Test
    void theAccountsRefusalIsTheForbiddenPage() throws Exception {
        doThrow(new Problems.Forbidden("access.denied")).when(accounts).disable(ADMIN, 43L);
        mvc.perform(post("/admin/users/43/disable")
                        .with(SliceUser.signedIn(ADMIN))
                        .with(csrf()))
                .andExpect(status().isForbidden())
                .andExpect(view().name("error/problem"))
                .andExpect(content().string(containsString("Bạn không có quyền thực hiện thao tác này.")));
    }

    @Test
    void aUserWhoIsNotAnAdministratorGetsTheForbiddenPage() throws Exception {
        mvc.perform(get("/admin/users").with(SliceUser.signedIn(SliceUser.of(Role.APPROVER))))
                .andExpect(status().isForbidden())
                .andExpect(view().name("error/problem"));
        verify(accounts, never()).list(any(), any());
    }

    /** The new-user form as an admin sends it, valid but for {@code changed} (name, value); no role yet. */
    private static MockHttpServletRequestBuilder newUser(String... changed) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("username", "canbo.moi");
        fields.put("password", PASSWORD);
        fields.put("fullName", "Lê Thị Mới");
        fields.put("unitCode", "BTR-AN");
        fields.put("email", "moi@example.vn");
        for (int i = 0; i < changed.length; i += 2) {
            fields.put(changed[i], changed[i + 1]);
        }
        MockHttpServletRequestBuilder request =
                post("/admin/users").with(SliceUser.signedIn(ADMIN)).with(csrf());
        fields.forEach((name, value) -> request.param(name, value));
        return request;
    }

    /** The password input holding {@code value}. */
    private static Matcher<String> passwordField(String value) {
        return matchesPattern("(?s).*<input id=\"password\" type=\"password\"[^>]* value=\"" + value + "\".*");
    }
}
