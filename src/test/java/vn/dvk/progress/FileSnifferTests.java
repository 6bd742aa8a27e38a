package vn.dvk.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import vn.dvk.support.Multipart;

class FileSnifferTests {

    @Test
    void photosAndPdfAreKnownByTheirFirstBytes() {
        // given the first bytes of a PNG, a JPEG and a PDF
        // then each is recognized whatever it is called
        assertThat(FileSniffer.sniff(Multipart.png()).type()).isEqualTo(FileType.PNG);
        assertThat(FileSniffer.sniff(Multipart.jpeg()).type()).isEqualTo(FileType.JPEG);
        assertThat(FileSniffer.sniff(Multipart.pdf()).type()).isEqualTo(FileType.PDF);
    }

    @Test
    void wordAndExcelAreZipContainersWithTheirMainPart() throws IOException {
        // given a real Word document and a real Excel workbook, written by Apache POI
        ByteArrayOutputStream docx = new ByteArrayOutputStream();
        try (XWPFDocument d = new XWPFDocument()) {
            d.createParagraph().createRun().setText("Báo cáo kết quả mô hình");
            d.write(docx);
        }
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        try (XSSFWorkbook w = new XSSFWorkbook()) {
            w.createSheet("Chỉ tiêu").createRow(0).createCell(0).setCellValue(970);
            w.write(xlsx);
        }

        // then each is told apart by the parts of its ZIP container
        assertThat(FileSniffer.sniff(docx.toByteArray()).type()).isEqualTo(FileType.DOCX);
        assertThat(FileSniffer.sniff(xlsx.toByteArray()).type()).isEqualTo(FileType.XLSX);
    }

    @Test
    void programsAndOtherZipsAreRefusedWithTheReason() {
        // given a Windows program, a Linux program, a script, a plain ZIP, a ZIP pretending and some text
        FileSniffer.Verdict exe = FileSniffer.sniff(Multipart.windowsProgram());
        FileSniffer.Verdict elf = FileSniffer.sniff(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1});
        FileSniffer.Verdict script = FileSniffer.sniff("#!/bin/sh\nrm -rf /\n".getBytes());
        FileSniffer.Verdict zip = FileSniffer.sniff(Multipart.zip("a.txt", "xin chào"));
        FileSniffer.Verdict fakeDocx = FileSniffer.sniff(
                Multipart.zip("[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>"));
        FileSniffer.Verdict text = FileSniffer.sniff("Báo cáo".getBytes());

        // then none has a type and each says why
        assertThat(exe.type()).isNull();
        assertThat(exe.refusalKey()).isEqualTo("upload.executable");
        assertThat(exe.executableKind()).contains("Windows");
        assertThat(elf.refusalKey()).isEqualTo("upload.executable");
        assertThat(script.refusalKey()).isEqualTo("upload.executable");
        assertThat(zip.refusalKey()).isEqualTo("upload.zip");
        assertThat(fakeDocx.refusalKey()).isEqualTo("upload.zip");
        assertThat(text.refusalKey()).isEqualTo("upload.type");
    }
}
