package vn.dvk.unit;

import static org.hamcrest.Matchers.hasItem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.dvk.account.Accounts;
import vn.dvk.account.CurrentUser;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;
import vn.dvk.shared.Role;
import vn.dvk.support.PageSlice;
import vn.dvk.support.SliceUser;

/**
 * {@code POST /api/v1/units} in a slice: the API chain's bearer tokens, and bad input answered as problem details
 * (RFC 9457) that name the field, whether the JSON, the bean validation or the directory refused it.
 */
@PageSlice(UnitApiController.class)
class UnitApiSliceTests {

    private static final CurrentUser ADMIN = SliceUser.of(Role.ADMIN);
    private static final String VALID = """
            {"code": "BTR-AN", "name": "Xã An Hội", "level": "COMMUNE", "kind": "AREA", "parentCode": "BTR"}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @MockitoBean
    UnitDirectory directory;

    @MockitoBean
    OfficialMap officialMap;

    @Test
    void withoutATokenTheCallIsUnauthorizedAsAProblem() throws Exception {
        // the security chain answers in the application's language (Vietnamese unless the user chose English), as the
        // controllers do, whatever the client's Accept-Language (a mock request's is English)
        mvc.perform(post("/api/v1/units")
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(VALID))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.title").value("Chưa đăng nhập"))
                .andExpect(jsonPath("$.detail").value("Cần đăng nhập (thiếu hoặc sai mã truy cập)."));
        mvc.perform(post("/api/v1/units")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer not-a-token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(VALID))
                .andExpect(status().isUnauthorized());
        verifyNoInteractions(directory);
    }

    @Test
    void aBlankNameIsABadRequestNamingTheField() throws Exception {
        mvc.perform(create("""
                        {"code": "BTR-AN", "name": " ", "level": "COMMUNE", "kind": "AREA", "parentCode": "BTR"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Dữ liệu không hợp lệ"))
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].message").value("Bắt buộc nhập."));
        verifyNoInteractions(directory);
    }

    @Test
    void anUnknownLevelIsABadRequestNamingTheField() throws Exception {
        mvc.perform(create("""
                        {"code": "BTR-AN", "name": "Xã An Hội", "level": "HAMLET", "kind": "AREA"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("level")));
        mvc.perform(create("{\"code\": \"BTR-AN\", "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Nội dung gửi lên không phải JSON hợp lệ."));
        verifyNoInteractions(directory);
    }

    @Test
    void theDirectorysOwnCheckIsABadRequestNamingItsField() throws Exception {
        when(directory.create(eq(ADMIN), any())).thenThrow(new Problems.Invalid("code", "unit.code.taken"));
        mvc.perform(create(VALID))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("code"))
                .andExpect(jsonPath("$.errors[0].message").value("Mã đơn vị đã được dùng."));
    }

    @Test
    void theDirectorysRefusalIsForbiddenAsAProblem() throws Exception {
        when(directory.create(eq(ADMIN), any())).thenThrow(new Problems.Forbidden("access.denied"));
        mvc.perform(create(VALID))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Bạn không có quyền thực hiện thao tác này."));
    }

    @Test
    void aValidUnitIsCreated() throws Exception {
        when(directory.create(eq(ADMIN), any()))
                .thenReturn(new UnitRef(
                        9L,
                        "BTR-AN",
                        "Xã An Hội",
                        Level.COMMUNE,
                        UnitKind.AREA,
                        "/1/7/9/",
                        7L,
                        "BTR",
                        LocalDate.of(2025, 7, 1),
                        null));
        mvc.perform(create(VALID))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, "/api/v1/units/BTR-AN"))
                .andExpect(jsonPath("$.code").value("BTR-AN"))
                .andExpect(jsonPath("$.validFrom").value("2025-07-01"))
                .andExpect(jsonPath("$.validTo").doesNotExist());
        verify(directory).create(ADMIN, new NewUnit("BTR-AN", "Xã An Hội", Level.COMMUNE, UnitKind.AREA, "BTR"));
    }

    /** A JSON call signed in with the administrator's API token (no CSRF token: the API chain reads no cookie). */
    private MockHttpServletRequestBuilder create(String json) {
        return post("/api/v1/units")
                .header(HttpHeaders.AUTHORIZATION, SliceUser.bearer(accounts, ADMIN))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json);
    }
}
