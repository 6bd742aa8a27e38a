package vn.dvk.document;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The visible mark of a digital signature, printed where a signature goes (in the space above the signer's name):
 * who signed, in which position, and when, as "Ký bởi: …", "Chức vụ: …", "Thời gian ký: dd/MM/yyyy HH:mm".
 *
 * @param signer   the signer's name
 * @param position the signer's position (chức vụ), or null
 * @param at       the signing time, in Vietnam's time
 */
public record SignatureStamp(String signer, String position, LocalDateTime at) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    /** The lines of the mark, in order. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("Ký bởi: " + signer);
        if (position != null && !position.isBlank()) {
            lines.add("Chức vụ: " + position);
        }
        lines.add("Thời gian ký: " + TIME.format(at));
        return lines;
    }
}
