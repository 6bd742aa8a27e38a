package vn.dvk.generator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The words the generated dataset is made of, taken from the seeds' real cases (Văn Lãng's star anise, Kim Bảng's
 * bees and graves, Nguyễn Úy's one-stop office, Bến Tre's dykes, Đại đoàn kết houses) and the usual bodies of a
 * commune and a province.
 */
final class Vocabulary {

    /** A body found in every commune or province: code suffix, name before the area's name, kind. */
    record Body(String suffix, String name, String kind) {}

    static final List<Body> COMMUNE_BODIES = List.of(
            new Body("DU", "Đảng ủy", "PARTY"),
            new Body("UB", "Ủy ban nhân dân", "GOVERNMENT"),
            new Body("MT", "Ủy ban Mặt trận Tổ quốc Việt Nam", "FRONT"),
            new Body("PN", "Hội Liên hiệp Phụ nữ", "ASSOCIATION"),
            new Body("ND", "Hội Nông dân", "ASSOCIATION"),
            new Body("CCB", "Hội Cựu chiến binh", "ASSOCIATION"),
            new Body("DTN", "Đoàn Thanh niên Cộng sản Hồ Chí Minh", "ASSOCIATION"),
            new Body("CA", "Công an", "ARMED_FORCES"),
            new Body("QS", "Ban Chỉ huy Quân sự", "ARMED_FORCES"),
            new Body("TYT", "Trạm Y tế", "AGENCY"));

    static final List<Body> PROVINCE_BODIES = List.of(
            new Body("BDV", "Ban Dân vận", "PARTY"),
            new Body("UB", "Ủy ban nhân dân", "GOVERNMENT"),
            new Body("MT", "Ủy ban Mặt trận Tổ quốc Việt Nam", "FRONT"),
            new Body("PN", "Hội Liên hiệp Phụ nữ", "ASSOCIATION"),
            new Body("ND", "Hội Nông dân", "ASSOCIATION"),
            new Body("CCB", "Hội Cựu chiến binh", "ASSOCIATION"),
            new Body("DTN", "Đoàn Thanh niên Cộng sản Hồ Chí Minh", "ASSOCIATION"),
            new Body("LDLD", "Liên đoàn Lao động", "ASSOCIATION"),
            new Body("CA", "Công an", "ARMED_FORCES"),
            new Body("QS", "Bộ Chỉ huy Quân sự", "ARMED_FORCES"),
            new Body("SNV", "Sở Nội vụ", "AGENCY"),
            new Body("SYT", "Sở Y tế", "AGENCY"),
            new Body("SGD", "Sở Giáo dục và Đào tạo", "AGENCY"),
            new Body("SNN", "Sở Nông nghiệp và Môi trường", "AGENCY"),
            new Body("BHXH", "Bảo hiểm xã hội", "AGENCY"));

    /** A kind of model: field, title, and the indicators (catalogue codes) it reports with their usual target. */
    record Theme(String field, String title, String indicator, double target, String second, double secondTarget) {}

    static final List<Theme> THEMES = List.of(
            new Theme(
                    "ECONOMY",
                    "Vận động Nhân dân trồng hồi, quế theo hướng hữu cơ",
                    "SO_HO_THAM_GIA",
                    120,
                    "DIEN_TICH_HA",
                    100),
            new Theme("ECONOMY", "Tổ hợp tác nuôi ong lấy mật", "DAN_ONG", 970, "SAN_LUONG_MAT_ONG", 9.8),
            new Theme(
                    "ECONOMY",
                    "Chi hội nông dân liên kết sản xuất lúa an toàn",
                    "HOI_VIEN",
                    33,
                    "DOANH_THU",
                    1_900_000_000),
            new Theme(
                    "ECONOMY",
                    "Vận động Nhân dân đắp đê bao chống xâm nhập mặn",
                    "DE_BAO_M",
                    2_400,
                    "DIEN_TICH_BAO_VE_HA",
                    350),
            new Theme(
                    "ECONOMY",
                    "Phụ nữ giúp nhau phát triển kinh tế hộ gia đình",
                    "HO_NGHEO_CAN_NGHEO",
                    45,
                    "DOANH_THU",
                    650_000_000),
            new Theme(
                    "ECONOMY",
                    "Hiến đất, góp công làm đường giao thông nông thôn",
                    "HO_THAM_GIA",
                    86,
                    "KINH_PHI",
                    3_200_000_000L),
            new Theme(
                    "CULTURE_SOCIETY",
                    "Xây dựng nhà Đại đoàn kết cho hộ nghèo",
                    "NHA_DAI_DOAN_KET",
                    12,
                    "KINH_PHI",
                    600_000_000),
            new Theme(
                    "CULTURE_SOCIETY",
                    "Vận động di chuyển mộ về nghĩa trang tập trung",
                    "MO_DI_CHUYEN",
                    420,
                    "KINH_PHI",
                    2_100_000_000),
            new Theme("CULTURE_SOCIETY", "Tuyến đường hoa, xanh – sạch – đẹp", "HO_THAM_GIA", 150, "DE_BAO_M", 3_000),
            new Theme("CULTURE_SOCIETY", "Nhận đỡ đầu địa chỉ nhân đạo", "DIA_CHI_NHAN_DAO", 25, "NGUOI_HUONG_LOI", 60),
            new Theme(
                    "CULTURE_SOCIETY",
                    "Trạm y tế thân thiện, chăm sóc sức khỏe người cao tuổi",
                    "NGUOI_HUONG_LOI",
                    1_200,
                    "TY_LE_HAI_LONG",
                    95),
            new Theme(
                    "DEFENSE_SECURITY",
                    "Camera an ninh – mắt thần khu dân cư",
                    "HO_THAM_GIA",
                    210,
                    "NGUOI_HUONG_LOI",
                    3_500),
            new Theme(
                    "DEFENSE_SECURITY",
                    "Tổ tự quản an ninh trật tự, phòng chống ma túy",
                    "HOI_VIEN",
                    40,
                    "NGUOI_HUONG_LOI",
                    2_000),
            new Theme(
                    "DEFENSE_SECURITY",
                    "Dân quân giúp dân thu hoạch mùa màng, phòng chống thiên tai",
                    "NGUOI_HUONG_LOI",
                    500,
                    "HO_THAM_GIA",
                    90),
            new Theme(
                    "POLITICAL_SYSTEM",
                    "Bộ phận một cửa thân thiện, giải quyết hồ sơ đúng hạn",
                    "HO_SO_DUNG_HAN",
                    986,
                    "PHIEU_HAI_LONG",
                    589),
            new Theme(
                    "POLITICAL_SYSTEM",
                    "Người đứng đầu đối thoại trực tiếp với Nhân dân",
                    "DOI_THOAI",
                    10,
                    "TY_LE_HAI_LONG",
                    90),
            new Theme(
                    "POLITICAL_SYSTEM",
                    "Công đoàn cơ sở chăm lo đời sống người lao động",
                    "CONG_DOAN_CO_SO",
                    18,
                    "NGUOI_HUONG_LOI",
                    1_500));

    private static final String[] SURNAMES = {
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
        "Lý", "Nông", "Lương", "Hà", "Lò"
    };
    private static final String[] MIDDLE = {"Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quang", "Thu", "Kim"};
    private static final String[] GIVEN = {
        "An", "Bình", "Cường", "Dung", "Giang", "Hà", "Hải", "Hạnh", "Hòa", "Hùng", "Hương", "Khánh", "Lan", "Linh",
        "Long", "Mai", "Nam", "Nga", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Thắng", "Trang", "Trung", "Tuấn", "Vân",
        "Việt", "Yến"
    };

    private Vocabulary() {}

    static String person(SplittableRandom random) {
        return SURNAMES[random.nextInt(SURNAMES.length)] + " " + MIDDLE[random.nextInt(MIDDLE.length)] + " "
                + GIVEN[random.nextInt(GIVEN.length)];
    }

    /** "Xã Thành Thới" → "xã Thành Thới", as it reads after a body's name. */
    static String after(String areaName) {
        return areaName.isEmpty() ? areaName : Character.toLowerCase(areaName.charAt(0)) + areaName.substring(1);
    }
}
