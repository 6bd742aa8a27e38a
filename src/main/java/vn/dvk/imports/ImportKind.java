package vn.dvk.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import vn.dvk.model.Field;
import vn.dvk.model.HolderType;
import vn.dvk.model.Origin;
import vn.dvk.shared.Level;

/** What a file brings in, named as in {@code /api/v1/imports/{kind}}, with the columns of its template. */
enum ImportKind {
    /** Đơn vị — units of the tree (administrators only). */
    UNITS(List.of(
            Column.text("code", true, "XA-TANTAC"),
            Column.text("name", true, "Xã Tân Tác"),
            Column.choice("level", true, Level.class, "COMMUNE").labelled("imports.column.unitLevel"),
            Column.choice("kind", true, vn.dvk.unit.UnitKind.class, "AREA"),
            Column.text("parentCode", true, "TW"))),
    /** Người dùng — users (administrators only). */
    USERS(List.of(
            Column.text("username", true, "nguyen.van.a"),
            Column.text("fullName", true, "Nguyễn Văn A"),
            Column.text("unitCode", true, "TW").labelled("imports.column.userUnitCode"),
            new Column(
                    "roles",
                    true,
                    "Role",
                    Arrays.stream(vn.dvk.shared.Role.values()).map(Enum::name).toList(),
                    "REPORTER"))),
    /** Mô hình — models with their history. */
    MODELS(modelColumns()),
    /** Kết quả thực hiện — indicator values per period. */
    PROGRESS(List.of(
            Column.text("unitCode", false, "TW"),
            Column.text("externalId", false, "MH-2023-015"),
            Column.text("modelId", false, ""),
            Column.text("period", false, "2024-H1"),
            Column.text("asOf", true, "30/06/2024"),
            Column.text("indicatorCode", true, "HO_THAM_GIA"),
            Column.text("value", true, "120"),
            Column.text("narrative", false, "Số hộ tham gia đến hết quý II.")));

    /** How many recognitions (level, decision number, decision date) a model row may carry. */
    static final int RECOGNITIONS = 3;

    private final List<Column> columns;

    ImportKind(List<Column> columns) {
        this.columns = columns;
    }

    List<Column> columns() {
        return columns;
    }

    /** The kind named in a path ({@code models}), or null. */
    static ImportKind of(String path) {
        for (ImportKind k : values()) {
            if (k.path().equals(path)) {
                return k;
            }
        }
        return null;
    }

    String path() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static List<Column> modelColumns() {
        List<Column> c = new ArrayList<>(List.of(
                Column.text("externalId", true, "MH-2023-015"),
                Column.text("unitCode", true, "TW"),
                Column.text("title", true, "Vận động Nhân dân hiến đất làm đường giao thông nông thôn"),
                Column.choice("field", true, Field.class, "ECONOMY"),
                Column.choice("level", true, Level.class, "DISTRICT"),
                Column.text("year", true, "2023"),
                Column.choice("holderType", true, HolderType.class, "COLLECTIVE"),
                Column.text("holderName", true, "Hội Nông dân xã"),
                Column.choice("origin", false, Origin.class, "NEW"),
                Column.text("replicatedFromId", false, ""),
                Column.text("summary", false, "120 hộ hiến 8.000 m² đất mở rộng 3,5 km đường."),
                new Column(
                        "status",
                        true,
                        "ModelStatus",
                        Arrays.stream(ImportedStatus.values()).map(Enum::name).toList(),
                        "RECOGNIZED"),
                Column.text("submittedOn", false, "15/03/2023"),
                Column.text("appraisedOn", false, "20/04/2023")));
        for (int i = 1; i <= RECOGNITIONS; i++) {
            c.add(Column.choice("recognitionLevel" + i, false, Level.class, i == 1 ? "DISTRICT" : ""));
            c.add(Column.text("decisionNumber" + i, false, i == 1 ? "125/QĐ-BCĐ" : ""));
            c.add(Column.text("decisionDate" + i, false, i == 1 ? "20/11/2023" : ""));
        }
        return List.copyOf(c);
    }

    /** The statuses a model row may carry: where a model stood when its unit's records came into DVK. */
    enum ImportedStatus {
        /** Nháp. */
        DRAFT,
        /** Chờ thẩm định. */
        SUBMITTED,
        /** Cần điều chỉnh. */
        CHANGES_REQUESTED,
        /** Được ghi nhận. */
        ACCEPTED,
        /** Không ghi nhận. */
        REJECTED,
        /** Được công nhận. */
        RECOGNIZED
    }
}
