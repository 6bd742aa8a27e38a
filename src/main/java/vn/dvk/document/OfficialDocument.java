package vn.dvk.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The content of an administrative document, independent of its rendering. Build one with {@link #builder()},
 * render it with {@link DocumentRenderer#pdf(OfficialDocument)}.
 *
 * @param style         state body (Quốc hiệu and tiêu ngữ) or Party body ("ĐẢNG CỘNG SẢN VIỆT NAM")
 * @param parentBody    the issuing body's parent, in capitals (may be null)
 * @param issuer        the issuing body, in capitals
 * @param number        the number and symbol without "Số", e.g. "15/QĐ-BCĐ"
 * @param place         the place name of the date line, e.g. "Bến Tre"
 * @param date          the date of issue
 * @param type          the document type in capitals, e.g. "QUYẾT ĐỊNH", "BÁO CÁO"
 * @param summary       the summary line under the type, e.g. "Về việc công nhận mô hình…"
 * @param addressee     "Kính gửi" line of a report sent upward (may be null)
 * @param bases         the "Căn cứ …" lines, without the final punctuation
 * @param blocks        the body
 * @param signature     the signature block
 * @param recipients    the "Nơi nhận" items, without the leading dash
 * @param countersignature a second signature on the left, in place of "Nơi nhận" (minutes signed by two), or null
 */
public record OfficialDocument(
        Style style,
        String parentBody,
        String issuer,
        String number,
        String place,
        LocalDate date,
        String type,
        String summary,
        String addressee,
        List<String> bases,
        List<Block> blocks,
        Signature signature,
        List<String> recipients,
        Signature countersignature) {

    /** Which document format to follow. */
    public enum Style {
        /** State bodies: Nghị định 30/2020/NĐ-CP. */
        STATE,
        /** Party bodies (Ban Dân vận, Ban Chỉ đạo): Hướng dẫn 36-HD/VPTW. */
        PARTY
    }

    /** A piece of the body. */
    public sealed interface Block permits Paragraph, Heading, Article, Table {}

    /** A justified paragraph with a first-line indent. */
    public record Paragraph(String text) implements Block {}

    /** A bold heading inside the body, e.g. "I. KẾT QUẢ". */
    public record Heading(String text) implements Block {}

    /** "Điều 1." in bold followed by its text. */
    public record Article(String label, String text) implements Block {}

    /** A table with a header row; {@code widths} are relative column widths. */
    public record Table(List<String> headers, List<List<String>> rows, float[] widths) implements Block {}

    /** Signature block: "TM. BAN CHỈ ĐẠO" / "KT. TRƯỞNG BAN", the position, and the signer's name. */
    public record Signature(String authority, String position, String name) {}

    public static Builder builder() {
        return new Builder();
    }

    /** Fluent construction of a document. */
    public static final class Builder {
        private Style style = Style.STATE;
        private String parentBody;
        private String issuer;
        private String number;
        private String place;
        private LocalDate date;
        private String type;
        private String summary;
        private String addressee;
        private final List<String> bases = new ArrayList<>();
        private final List<Block> blocks = new ArrayList<>();
        private Signature signature;
        private final List<String> recipients = new ArrayList<>();
        private Signature countersignature;

        public Builder style(Style value) {
            this.style = value;
            return this;
        }

        public Builder parentBody(String value) {
            this.parentBody = value;
            return this;
        }

        public Builder issuer(String value) {
            this.issuer = value;
            return this;
        }

        public Builder number(String value) {
            this.number = value;
            return this;
        }

        public Builder place(String value) {
            this.place = value;
            return this;
        }

        public Builder date(LocalDate value) {
            this.date = value;
            return this;
        }

        public Builder type(String value) {
            this.type = value;
            return this;
        }

        public Builder summary(String value) {
            this.summary = value;
            return this;
        }

        public Builder addressee(String value) {
            this.addressee = value;
            return this;
        }

        public Builder basis(String value) {
            this.bases.add(value);
            return this;
        }

        public Builder paragraph(String text) {
            this.blocks.add(new Paragraph(text));
            return this;
        }

        public Builder heading(String text) {
            this.blocks.add(new Heading(text));
            return this;
        }

        public Builder article(String label, String text) {
            this.blocks.add(new Article(label, text));
            return this;
        }

        public Builder table(List<String> headers, List<List<String>> rows, float... widths) {
            this.blocks.add(new Table(
                    List.copyOf(headers), rows.stream().map(List::copyOf).toList(), widths));
            return this;
        }

        public Builder signature(String authority, String position, String name) {
            this.signature = new Signature(authority, position, name);
            return this;
        }

        public Builder recipient(String value) {
            this.recipients.add(value);
            return this;
        }

        /** A second signature on the left (e.g. the vote counter beside the chair); "Nơi nhận" is then left out. */
        public Builder countersignature(String authority, String position, String name) {
            this.countersignature = new Signature(authority, position, name);
            return this;
        }

        public OfficialDocument build() {
            if (issuer == null || type == null || date == null) {
                throw new IllegalStateException("issuer, type and date are required");
            }
            return new OfficialDocument(
                    style,
                    parentBody,
                    issuer,
                    number,
                    place,
                    date,
                    type,
                    summary,
                    addressee,
                    List.copyOf(bases),
                    List.copyOf(blocks),
                    signature,
                    List.copyOf(recipients),
                    countersignature);
        }
    }
}
