package vn.dvk.progress;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Tells what a file is from its first bytes (and, for Word and Excel, from the parts of the ZIP container):
 * a file named {@code anh.jpg} that starts with {@code MZ} is a Windows program, whatever its name says.
 */
final class FileSniffer {

    private static final int MAX_ZIP_ENTRIES = 20_000;
    private static final int MAX_CONTENT_TYPES = 512 * 1024;
    private static final String WORD_MAIN =
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private static final String EXCEL_MAIN =
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

    /** Why a file was refused: a message key, and what kind of program it is when it is one. */
    record Verdict(FileType type, String refusalKey, String executableKind) {}

    private FileSniffer() {}

    static Verdict sniff(byte[] b) {
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
            return ok(FileType.JPEG);
        }
        if (startsWith(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return ok(FileType.PNG);
        }
        if (startsWith(b, '%', 'P', 'D', 'F', '-')) {
            return ok(FileType.PDF);
        }
        String program = executable(b);
        if (program != null) {
            return new Verdict(null, "upload.executable", program);
        }
        if (startsWith(b, 'P', 'K', 0x03, 0x04)) {
            FileType office = office(b);
            return office != null ? ok(office) : new Verdict(null, "upload.zip", null);
        }
        return new Verdict(null, "upload.type", null);
    }

    private static String executable(byte[] b) {
        if (startsWith(b, 'M', 'Z')) {
            return "Windows .exe/.dll";
        }
        if (startsWith(b, 0x7F, 'E', 'L', 'F')) {
            return "Linux ELF";
        }
        if (startsWith(b, 0xFE, 0xED, 0xFA, 0xCE)
                || startsWith(b, 0xFE, 0xED, 0xFA, 0xCF)
                || startsWith(b, 0xCE, 0xFA, 0xED, 0xFE)
                || startsWith(b, 0xCF, 0xFA, 0xED, 0xFE)) {
            return "macOS Mach-O";
        }
        if (startsWith(b, 0xCA, 0xFE, 0xBA, 0xBE)) {
            return "Java class / Mach-O";
        }
        if (startsWith(b, '#', '!')) {
            return "script #!";
        }
        return null;
    }

    /** DOCX or XLSX when the ZIP holds [Content_Types].xml naming the main part, and that part; else null. */
    private static FileType office(byte[] b) {
        String contentTypes = null;
        boolean word = false;
        boolean excel = false;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(b))) {
            ZipEntry e;
            int n = 0;
            while ((e = zip.getNextEntry()) != null && n++ < MAX_ZIP_ENTRIES) {
                String name = e.getName();
                if ("[Content_Types].xml".equals(name)) {
                    contentTypes = new String(zip.readNBytes(MAX_CONTENT_TYPES), StandardCharsets.UTF_8);
                } else if ("word/document.xml".equals(name)) {
                    word = true;
                } else if ("xl/workbook.xml".equals(name)) {
                    excel = true;
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
        if (contentTypes == null) {
            return null;
        }
        if (word && contentTypes.contains(WORD_MAIN)) {
            return FileType.DOCX;
        }
        if (excel && contentTypes.contains(EXCEL_MAIN)) {
            return FileType.XLSX;
        }
        return null;
    }

    private static Verdict ok(FileType type) {
        return new Verdict(type, null, null);
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
