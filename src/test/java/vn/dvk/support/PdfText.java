package vn.dvk.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The text of a PDF as poppler's {@code pdftotext} reads it (package poppler-utils), and its page count. */
public final class PdfText {

    private PdfText() {}

    public static String of(byte[] pdf) {
        try {
            Path file = Files.createTempFile("dvk-", ".pdf");
            Files.write(file, pdf);
            Process p = new ProcessBuilder("pdftotext", "-layout", "-enc", "UTF-8", file.toString(), "-")
                    .redirectErrorStream(true)
                    .start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new AssertionError("pdftotext failed: " + text);
            }
            Files.deleteIfExists(file);
            return text;
        } catch (IOException e) {
            throw new IllegalStateException("pdftotext (poppler-utils) is needed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Collapses runs of white space, so that assertions do not depend on the layout's line breaks. */
    public static String flat(byte[] pdf) {
        return of(pdf).replaceAll("\\s+", " ");
    }
}
