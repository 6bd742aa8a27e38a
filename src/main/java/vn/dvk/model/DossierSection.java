package vn.dvk.model;

import java.util.function.Function;

/**
 * The sections of a registration dossier (hồ sơ đăng ký), in the order of real registration forms; {@link #field()}
 * is the name of the section in the API's JSON, {@link #label()} its heading on the printed form.
 */
public enum DossierSection {
    /** Thực trạng, lý do — the situation the model answers and why it is needed. */
    SITUATION("situation", "Thực trạng, lý do xây dựng mô hình", Dossier::situation),
    /** Mục tiêu, tiêu chí — what the model aims at and how that is measured. */
    GOALS("goals", "Mục tiêu, tiêu chí", Dossier::goals),
    /** Nội dung, cách thức thực hiện — what is done and how. */
    APPROACH("approach", "Nội dung, cách thức thực hiện", Dossier::approach),
    /** Địa bàn, đối tượng — where and with whom. */
    AREA("area", "Địa bàn, đối tượng", Dossier::area),
    /** Lực lượng thực hiện, phối hợp — who leads and who supports. */
    FORCES("forces", "Lực lượng thực hiện, phối hợp", Dossier::forces),
    /** Thời gian, nguồn lực — time frame and resources. */
    RESOURCES("resources", "Thời gian, nguồn lực", Dossier::resources),
    /** Sản phẩm, kết quả đầu ra kiểm chứng được — outputs that can be checked. */
    OUTPUTS("outputs", "Sản phẩm, kết quả đầu ra kiểm chứng được", Dossier::outputs),
    /** Khả năng duy trì, nhân rộng — how the model lasts and spreads. */
    SUSTAINABILITY("sustainability", "Khả năng duy trì, nhân rộng", Dossier::sustainability);

    private final String field;
    private final String label;
    private final Function<Dossier, String> text;

    DossierSection(String field, String label, Function<Dossier, String> text) {
        this.field = field;
        this.label = label;
        this.text = text;
    }

    /** The section's name in the JSON of a model and in validation errors, e.g. {@code situation}. */
    public String field() {
        return field;
    }

    /** The section's heading on the printed registration form, in Vietnamese. */
    public String label() {
        return label;
    }

    /** The section's text in a dossier (null when empty). */
    public String of(Dossier dossier) {
        return text.apply(dossier);
    }
}
