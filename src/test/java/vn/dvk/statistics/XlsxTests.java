package vn.dvk.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/** The download headers of the statistics files (workbooks, annual reports, finished export jobs). */
class XlsxTests {

    @Test
    void aVietnameseFileNameIsSentInRfc5987FormWithSpacesAsPercent20() {
        // given a response and a file name with Vietnamese letters and spaces
        MockHttpServletResponse response = new MockHttpServletResponse();

        // when the workbook's download headers are set
        Xlsx.attachment(response, "thống kê Bến Tre 2024.xlsx");

        // then the name is an attachment in UTF-8 percent-encoding, as Spring's ContentDisposition writes it
        String header = response.getHeader("Content-Disposition");
        assertThat(header)
                .startsWith("attachment")
                .contains("filename*=UTF-8''th%E1%BB%91ng%20k%C3%AA%20B%E1%BA%BFn%20Tre%202024.xlsx")
                .doesNotContain("+");
        assertThat(response.getContentType()).isEqualTo(Xlsx.CONTENT_TYPE);
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
    }
}
