package vn.dvk.unit;

import static org.hamcrest.Matchers.containsString;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import vn.dvk.account.CurrentUser;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;
import vn.dvk.shared.Role;
import vn.dvk.support.PageSlice;
import vn.dvk.support.SliceUser;

/** The units' page in a slice: its rendering, its form's checks, and what the security chain lets through. */
@PageSlice(UnitPageController.class)
class UnitPageSliceTests {

    private static final CurrentUser ADMIN = SliceUser.of(Role.ADMIN);
    private static final UnitRef PROVINCE = new UnitRef(
            7L,
            "BTR",
            "Tỉnh Bến Tre",
            Level.PROVINCE,
            UnitKind.AREA,
            "/1/7/",
            1L,
            "TW",
            LocalDate.of(2025, 7, 1),
            null);
    private static final UnitRef COMMUNE = new UnitRef(
            9L,
            "BTR-AN",
            "Xã An Hội",
            Level.COMMUNE,
            UnitKind.AREA,
            "/1/7/9/",
            7L,
            "BTR",
            LocalDate.of(2025, 7, 1),
            null);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    UnitDirectory directory;

    @MockitoBean
    OfficialMap officialMap;

    @BeforeEach
    void units() {
        when(directory.byId(7L)).thenReturn(Optional.of(PROVINCE));
        when(directory.subtree(eq(PROVINCE), any(), any()))
                .thenReturn(new PageImpl<>(List.of(PROVINCE, COMMUNE), PageRequest.of(0, 50), 2));
    }

    @Test
    void theUnitsPageShowsTheSubtreeAndTheFormToAddAUnit() throws Exception {
        mvc.perform(get("/admin/units").with(SliceUser.signedIn(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(view().name(UnitPageController.VIEW))
                .andExpect(content().string(containsString("<h1 class=\"h3 mb-0\">Đơn vị</h1>")))
                .andExpect(content().string(containsString("Thêm đơn vị")))
                .andExpect(content().string(containsString("Xã An Hội")))
                // the signed-in user and the main menu of every page (PageAdvice, PageParts)
                .andExpect(content().string(containsString("Nguyễn Thị Lát")))
                .andExpect(content().string(containsString("href=\"/admin/users\"")))
                // the form holds the session's CSRF token
                .andExpect(content().string(containsString("name=\"_csrf\"")))
                .andExpect(model().attribute("me", ADMIN));
    }

    @Test
    void aBlankOrTooLongNameIsRefusedBesideTheFieldWithoutCallingTheDirectory() throws Exception {
        mvc.perform(post("/admin/units")
                        .with(SliceUser.signedIn(ADMIN))
                        .with(csrf())
                        .param("code", "BTR-MOI")
                        .param("name", " ")
                        .param("level", "COMMUNE")
                        .param("kind", "AREA")
                        .param("parentCode", "BTR"))
                .andExpect(status().isOk())
                .andExpect(view().name(UnitPageController.VIEW))
                .andExpect(model().attributeHasFieldErrorCode("form", "name", "NotBlank"))
                .andExpect(content().string(containsString("is-invalid")))
                .andExpect(content().string(containsString("<div class=\"invalid-feedback\">Bắt buộc nhập.</div>")))
                // what was typed stays in the form
                .andExpect(content().string(containsString("value=\"BTR-MOI\"")));
        mvc.perform(post("/admin/units")
                        .with(SliceUser.signedIn(ADMIN))
                        .with(csrf())
                        .param("code", "BTR-MOI")
                        .param("name", "x".repeat(256))
                        .param("level", "COMMUNE")
                        .param("kind", "AREA")
                        .param("parentCode", "BTR"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "name", "Size"))
                .andExpect(content().string(containsString("<div class=\"invalid-feedback\">Tối đa 255 ký tự.</div>")));
        verify(directory, never()).create(any(), any());
    }

    @Test
    void aValidUnitIsCreatedAndThePageRedirectsToIt() throws Exception {
        when(directory.create(eq(ADMIN), any())).thenReturn(COMMUNE);
        mvc.perform(post("/admin/units")
                        .with(SliceUser.signedIn(ADMIN))
                        .with(csrf())
                        .param("code", "BTR-AN")
                        .param("name", "Xã An Hội")
                        .param("level", "COMMUNE")
                        .param("kind", "AREA")
                        .param("parentCode", "BTR"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/units?q=BTR-AN"));
        verify(directory).create(ADMIN, new NewUnit("BTR-AN", "Xã An Hội", Level.COMMUNE, UnitKind.AREA, "BTR"));
    }

    @Test
    void theDirectorysOwnCheckIsShownBesideTheFieldItNames() throws Exception {
        when(directory.create(eq(ADMIN), any())).thenThrow(new Problems.Invalid("code", "unit.code.taken"));
        mvc.perform(post("/admin/units")
                        .with(SliceUser.signedIn(ADMIN))
                        .with(csrf())
                        .param("code", "BTR-AN")
                        .param("name", "Xã An Hội")
                        .param("level", "COMMUNE")
                        .param("kind", "AREA")
                        .param("parentCode", "BTR"))
                .andExpect(status().isOk())
                .andExpect(view().name(UnitPageController.VIEW))
                .andExpect(model().attributeHasFieldErrorCode("form", "code", "unit.code.taken"))
                .andExpect(content()
                        .string(containsString("<div class=\"invalid-feedback\">Mã đơn vị đã được dùng.</div>")));
    }

    @Test
    void aSignedOutVisitorIsSentToTheSignInPage() throws Exception {
        mvc.perform(get("/admin/units")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        verifyNoInteractions(directory);
    }

    @Test
    void aFormSentWithoutTheCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/admin/units")
                        .with(SliceUser.signedIn(ADMIN))
                        .param("code", "BTR-AN")
                        .param("name", "Xã An Hội")
                        .param("level", "COMMUNE")
                        .param("kind", "AREA")
                        .param("parentCode", "BTR"))
                .andExpect(status().isForbidden());
        verifyNoInteractions(directory);
    }

    @Test
    void aUserWhoIsNotAnAdministratorGetsTheForbiddenPage() throws Exception {
        mvc.perform(get("/admin/units").with(SliceUser.signedIn(SliceUser.of(Role.REPORTER))))
                .andExpect(status().isForbidden())
                .andExpect(view().name("error/problem"))
                .andExpect(content().string(containsString("Bạn không có quyền thực hiện thao tác này.")))
                .andExpect(content().string(not(containsString("Thêm đơn vị"))));
        verifyNoInteractions(directory);
    }
}
