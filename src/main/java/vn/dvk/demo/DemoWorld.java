package vn.dvk.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dvk.account.Accounts;
import vn.dvk.account.CurrentUser;
import vn.dvk.account.NewUser;
import vn.dvk.commendation.CommendationForm;
import vn.dvk.commendation.CommendationRegistry;
import vn.dvk.commendation.NewCommendation;
import vn.dvk.model.AppraisalDecision;
import vn.dvk.model.Field;
import vn.dvk.model.HolderType;
import vn.dvk.model.ModelRegistration;
import vn.dvk.model.ModelRegistry;
import vn.dvk.model.ModelView;
import vn.dvk.model.Origin;
import vn.dvk.model.ReviewOutcome;
import vn.dvk.progress.Progress;
import vn.dvk.recognition.criteria.CriteriaCatalogue;
import vn.dvk.recognition.proposal.Decision;
import vn.dvk.recognition.proposal.Recognitions;
import vn.dvk.recognition.round.CouncilScoring;
import vn.dvk.recognition.round.Councils;
import vn.dvk.shared.BusinessClock;
import vn.dvk.shared.Fmt;
import vn.dvk.shared.Level;
import vn.dvk.shared.Role;
import vn.dvk.unit.NewUnit;
import vn.dvk.unit.UnitDirectory;
import vn.dvk.unit.UnitKind;
import vn.dvk.unit.UnitRef;

/**
 * Builds the demo world — the province of Bến Tre, its districts, communes and bodies, one user per role and
 * some twenty models taken from the published articles, in every state of their life — by calling the public
 * services as the user whose job each step is, each step on its business date (a model of 2023 is registered in
 * March 2023, a decision recorded on its decision date), so that timelines and audit entries read as they would have.
 * Runs in one transaction, so a failure leaves nothing behind; does nothing when the unit {@code BTR} exists already.
 */
@Service
class DemoWorld {

    /** Code of the demo province; its presence means the world is built. */
    static final String PROVINCE = "BTR";

    static final String DEFAULT_PASSWORD = "dvk-demo-2026!";
    private static final int MIN_PASSWORD = 12;
    /** The criteria of the example set (and of the province's copy), in order: TK 20, TT 20, HQ 25, NR 15, DT 20. */
    private static final List<String> CODES = List.of("TK", "TT", "HQ", "NR", "DT");
    /** The time of day at which the demo's past steps are recorded. */
    private static final LocalTime OFFICE_HOURS = LocalTime.of(9, 30);

    private static final Logger log = LoggerFactory.getLogger(DemoWorld.class);

    /** The demo users: username, full name, unit, role. */
    record DemoUser(String username, String fullName, String unitCode, Role role) {}

    static final List<DemoUser> USERS = List.of(
            new DemoUser("quantri", "Quản trị hệ thống tỉnh Bến Tre", "BTR", Role.ADMIN),
            new DemoUser("canbo", "Cán bộ Hội Nông dân xã Thành Thới B", "BTR-MCN-TTB-HND", Role.REPORTER),
            new DemoUser("canbo.tinh", "Cán bộ theo dõi phong trào tỉnh Bến Tre", "BTR", Role.REPORTER),
            new DemoUser("thamdinh", "Ban Chỉ đạo 441 tỉnh Bến Tre — thẩm định", "BTR", Role.APPRAISER),
            new DemoUser("thamdinh.huyen", "Ban Dân vận Huyện ủy Mỏ Cày Nam — thẩm định", "BTR-MCN", Role.APPRAISER),
            new DemoUser("hoidong", "Thành viên Hội đồng xét công nhận tỉnh", "BTR", Role.SCORER),
            new DemoUser("lanhdao", "Lãnh đạo Ban Chỉ đạo 441 tỉnh Bến Tre", "BTR", Role.APPROVER),
            new DemoUser("theodoi", "Lãnh đạo theo dõi phong trào tỉnh", "BTR", Role.VIEWER));

    private final UnitDirectory units;
    private final Accounts accounts;
    private final ModelRegistry models;
    private final Recognitions recognitions;
    private final Progress progress;
    private final CommendationRegistry commendations;
    private final CriteriaCatalogue criteria;
    private final Councils councils;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final String password;

    DemoWorld(
            UnitDirectory units,
            Accounts accounts,
            ModelRegistry models,
            Recognitions recognitions,
            Progress progress,
            CommendationRegistry commendations,
            CriteriaCatalogue criteria,
            Councils councils,
            Clock clock,
            PlatformTransactionManager transactions,
            @Value("${DVK_DEMO_PASSWORD:" + DEFAULT_PASSWORD + "}") String password) {
        this.criteria = criteria;
        this.councils = councils;
        this.clock = clock;
        this.units = units;
        this.accounts = accounts;
        this.models = models;
        this.recognitions = recognitions;
        this.progress = progress;
        this.commendations = commendations;
        this.tx = new TransactionTemplate(transactions);
        this.password = password == null || password.isBlank() ? DEFAULT_PASSWORD : password;
    }

    /** Builds the world unless unit {@code BTR} exists; true when it was built by this call. */
    boolean build() {
        if (units.byCode(PROVINCE).isPresent()) {
            log.info("[demo] unit {} exists already: the demo world is in place, nothing to do", PROVINCE);
            return false;
        }
        if (password.length() < MIN_PASSWORD) {
            throw new IllegalStateException("DVK_DEMO_PASSWORD must have at least " + MIN_PASSWORD + " characters");
        }
        log.info("[demo] building the demo world of Bến Tre province");
        tx.executeWithoutResult(status -> new Builder().run());
        System.out.println(summary());
        return true;
    }

    String password() {
        return password;
    }

    private String summary() {
        StringBuilder sb = new StringBuilder("""

                ==================================================================
                 DVK: dữ liệu mẫu tỉnh Bến Tre / demo world of Bến Tre province
                 mật khẩu chung / password of every demo user: %s
                """.formatted(password));
        for (DemoUser u : USERS) {
            sb.append("   %-15s %-9s %s%n".formatted(u.username(), u.role(), u.unitCode()));
        }
        sb.append("""
                 Chỉ dùng để trình diễn / for demonstration only.
                ==================================================================
                """);
        return sb.toString();
    }

    /** One build: keeps the actors and the ids of the models it made. */
    private final class Builder {

        private final Map<String, CurrentUser> as = new HashMap<>();
        private final Map<String, Long> ids = new LinkedHashMap<>();
        private final Map<String, Integer> years = new HashMap<>();
        private int unitCount;
        private int proposalCount;
        private int decisionCount;

        void run() {
            on(LocalDate.of(2023, 1, 3), () -> {
                buildUnits();
                buildUsers();
            });
            // In the order of the business dates, so that each model's timeline runs forward.
            register();
            appraise();
            recognizeAtTheBaseLevels();
            report(
                    "canbo",
                    "de-bao",
                    LocalDate.of(2024, 6, 30),
                    List.of(
                            value("HO_THAM_GIA", "145"),
                            value("DE_BAO_M", "3200"),
                            value("DIEN_TICH_BAO_VE_HA", "180")),
                    "Hoàn thành đắp 3.200 m đê bao trước mùa triều cường; 145 hộ góp công, góp vật liệu.");
            decideTheRoundOf2024();
            report(
                    "canbo.tinh",
                    "nha-ddk",
                    LocalDate.of(2024, 12, 15),
                    List.of(value("NHA_DAI_DOAN_KET", "1000"), value("HO_NGHEO_CAN_NGHEO", "1000")),
                    "Đã bàn giao 1.000 căn nhà Đại đoàn kết cho hộ nghèo, hộ cận nghèo.");
            commend();
            reviewAndReplicate();
            report(
                    "canbo.tinh",
                    "cong-doan",
                    LocalDate.of(2025, 6, 30),
                    List.of(value("CONG_DOAN_CO_SO", "42"), value("DIA_CHI_NHAN_DAO", "42")),
                    "Mỗi công đoàn cơ sở đã nhận một địa chỉ nhân đạo và thăm hỏi hằng quý.");
            log.info("[demo] 8/9 progress: 3 reports");
            scoreTheRoundOf2025();
            openThisYearsRound();
        }

        private void buildUnits() {
            UnitRef root = units.ensureRoot();
            // The province itself is created by a central administrator; its own administrator does the rest.
            CurrentUser central = new CurrentUser(
                    0L,
                    "demo",
                    "Dữ liệu mẫu",
                    root.id(),
                    root.code(),
                    root.name(),
                    root.path(),
                    root.level(),
                    EnumSet.of(Role.ADMIN));
            unit(central, "BTR", "Tỉnh Bến Tre", Level.PROVINCE, UnitKind.AREA, root.code());
            as.put("quantri", user(central, USERS.get(0)));
            CurrentUser admin = as.get("quantri");
            unit(
                    admin,
                    "BTR-MTTQ",
                    "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Bến Tre",
                    Level.PROVINCE,
                    UnitKind.FRONT,
                    "BTR");
            unit(admin, "BTR-BDV", "Ban Dân vận Tỉnh ủy Bến Tre", Level.PROVINCE, UnitKind.PARTY, "BTR");
            unit(admin, "BTR-MCN", "Huyện Mỏ Cày Nam", Level.DISTRICT, UnitKind.AREA, "BTR");
            unit(
                    admin,
                    "BTR-MCN-LHPN",
                    "Hội Liên hiệp Phụ nữ huyện Mỏ Cày Nam",
                    Level.DISTRICT,
                    UnitKind.ASSOCIATION,
                    "BTR-MCN");
            unit(admin, "BTR-MCN-TAND", "Tòa án nhân dân huyện Mỏ Cày Nam", Level.DISTRICT, UnitKind.AGENCY, "BTR-MCN");
            unit(admin, "BTR-MCN-TTB", "Xã Thành Thới B", Level.COMMUNE, UnitKind.AREA, "BTR-MCN");
            unit(
                    admin,
                    "BTR-MCN-TTB-HND",
                    "Hội Nông dân xã Thành Thới B",
                    Level.COMMUNE,
                    UnitKind.ASSOCIATION,
                    "BTR-MCN-TTB");
            unit(admin, "BTR-GT", "Huyện Giồng Trôm", Level.DISTRICT, UnitKind.AREA, "BTR");
            unit(admin, "BTR-GT-HL", "Xã Hưng Lễ", Level.COMMUNE, UnitKind.AREA, "BTR-GT");
            unit(admin, "BTR-GT-HL-HND", "Hội Nông dân xã Hưng Lễ", Level.COMMUNE, UnitKind.ASSOCIATION, "BTR-GT-HL");
            unit(admin, "BTR-CT", "Huyện Châu Thành", Level.DISTRICT, UnitKind.AREA, "BTR");
            unit(
                    admin,
                    "BTR-CT-LDLD",
                    "Liên đoàn Lao động huyện Châu Thành",
                    Level.DISTRICT,
                    UnitKind.ASSOCIATION,
                    "BTR-CT");
            unit(admin, "BTR-CT-PD", "Xã Phú Đức", Level.COMMUNE, UnitKind.AREA, "BTR-CT");
            unit(
                    admin,
                    "BTR-CT-PD-UBND",
                    "Ủy ban nhân dân xã Phú Đức",
                    Level.COMMUNE,
                    UnitKind.GOVERNMENT,
                    "BTR-CT-PD");
            unit(admin, "BTR-CT-PT", "Xã Phú Túc", Level.COMMUNE, UnitKind.AREA, "BTR-CT");
            log.info(
                    "[demo] 1/9 units: {} units under TW (province BTR, 3 districts, 4 communes, 8 bodies)", unitCount);
        }

        private void buildUsers() {
            for (DemoUser u : USERS.subList(1, USERS.size())) {
                as.put(u.username(), user(as.get("quantri"), u));
            }
            log.info(
                    "[demo] 2/9 users: {}",
                    String.join(", ", USERS.stream().map(DemoUser::username).toList()));
        }

        private void register() {
            // Economy
            draft(
                    "de-bao",
                    "canbo",
                    "Vận động nhân dân thực hiện công trình đê bao cục bộ ngăn mặn trữ ngọt, phòng chống"
                            + " triều cường trên địa bàn ấp Tân Điền",
                    Field.ECONOMY,
                    "BTR-MCN-TTB-HND",
                    Level.DISTRICT,
                    2023,
                    HolderType.COLLECTIVE,
                    "Hội Nông dân xã Thành Thới B",
                    "Hội Nông dân xã vận động hội viên và Nhân dân ấp Tân Điền góp công, góp vật liệu đắp đê bao cục bộ"
                            + " để ngăn mặn, trữ ngọt và phòng chống triều cường, bảo vệ vườn dừa và cây ăn trái.");
            draft(
                    "ma-vung-trong",
                    "canbo.tinh",
                    "Vận động hộ dân trồng dừa đăng ký và xây dựng mã số vùng trồng tạo"
                            + " liên kết đầu ra sản phẩm dừa uống nước trên địa bàn xã",
                    Field.ECONOMY,
                    "BTR-GT-HL-HND",
                    Level.PROVINCE,
                    2024,
                    HolderType.COLLECTIVE,
                    "Hội Nông dân xã Hưng Lễ",
                    "Vận động hộ trồng dừa uống nước đăng ký mã số vùng trồng, liên kết với doanh nghiệp bao tiêu sản phẩm.");
            draft(
                    "500-trieu",
                    "canbo.tinh",
                    "Vận động Nhân dân phát triển kinh tế đạt 500 triệu/ha/năm trên địa bàn xã",
                    Field.ECONOMY,
                    "BTR-CT-PD-UBND",
                    Level.PROVINCE,
                    2024,
                    HolderType.COLLECTIVE,
                    "Ủy ban nhân dân xã Phú Đức",
                    "Vận động nông dân chuyển đổi cây trồng, áp dụng tiến bộ khoa học - kỹ thuật để đạt giá trị"
                            + " 500 triệu đồng/ha/năm.");
            draft(
                    "hien-dat",
                    "canbo.tinh",
                    "Vận động Nhân dân hiến đất, hoa màu, vật kiến trúc xây dựng giao thông"
                            + " nông thôn ở xã Phú Túc",
                    Field.ECONOMY,
                    "BTR-CT-PT",
                    Level.DISTRICT,
                    2023,
                    HolderType.COLLECTIVE,
                    "Ủy ban Mặt trận Tổ quốc Việt Nam xã Phú Túc",
                    "Vận động Nhân dân hiến đất, hoa màu, vật kiến trúc để mở rộng đường giao thông nông thôn.");
            draft(
                    "gpmb",
                    "canbo.tinh",
                    "Vận động nhân dân đồng thuận giao đất giải phóng mặt bằng thực hiện công trình," + " dự án",
                    Field.ECONOMY,
                    "BTR",
                    Level.PROVINCE,
                    2023,
                    HolderType.COLLECTIVE,
                    "Ban Chỉ đạo 441 tỉnh Bến Tre",
                    "Mô hình cấp tỉnh được chọn năm 2023 để xây dựng và nhân rộng giai đoạn 2021 - 2025.");
            draft(
                    "tiet-kiem",
                    "canbo.tinh",
                    "Nâng cao hiệu quả hoạt động gửi tiền tiết kiệm chung tay vì người nghèo và"
                            + " tuyên truyền, vận động sử dụng dịch vụ do Ngân hàng Chính sách xã hội cung cấp năm 2024",
                    Field.ECONOMY,
                    "BTR-MCN-LHPN",
                    Level.DISTRICT,
                    2024,
                    HolderType.COLLECTIVE,
                    "Hội Liên hiệp Phụ nữ huyện Mỏ Cày Nam",
                    "Vận động hội viên gửi tiết kiệm và sử dụng các dịch vụ của Ngân hàng Chính sách xã hội.");
            draft(
                    "vay-von-cntt",
                    "canbo.tinh",
                    "Vận động hộ gia đình có phụ nữ vay vốn tích cực tham gia cùng với Hội"
                            + " ứng dụng công nghệ thông tin đảm bảo trong công tác quản lý",
                    Field.ECONOMY,
                    "BTR-MCN-LHPN",
                    Level.DISTRICT,
                    2025,
                    HolderType.COLLECTIVE,
                    "Hội Liên hiệp Phụ nữ huyện Mỏ Cày Nam",
                    "Hộ vay vốn cùng Hội ứng dụng công nghệ thông tin để theo dõi, quản lý nguồn vốn vay.");
            // Culture and society
            draft(
                    "nha-ddk",
                    "canbo.tinh",
                    "Huy động nguồn lực xây dựng 1.000 căn nhà Đại đoàn kết cho hộ nghèo, hộ cận"
                            + " nghèo trên địa bàn tỉnh",
                    Field.CULTURE_SOCIETY,
                    "BTR-MTTQ",
                    Level.PROVINCE,
                    2024,
                    HolderType.COLLECTIVE,
                    "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Bến Tre",
                    "Vận động doanh nghiệp, nhà hảo tâm và Nhân dân đóng góp xây dựng nhà Đại đoàn kết.");
            draft(
                    "dvc-truc-tuyen",
                    "canbo.tinh",
                    "Vận động người dân thực hiện dịch vụ công trực tuyến",
                    Field.CULTURE_SOCIETY,
                    "BTR-CT-PD-UBND",
                    Level.PROVINCE,
                    2024,
                    HolderType.INDIVIDUAL,
                    "Công chức Tư pháp - Hộ tịch xã Phú Đức",
                    "Hướng dẫn tận nơi để người dân tự nộp hồ sơ dịch vụ công trực tuyến.");
            draft(
                    "cong-doan",
                    "canbo.tinh",
                    "Mỗi công đoàn cơ sở gắn với một địa chỉ nhân đạo trên địa bàn huyện",
                    Field.CULTURE_SOCIETY,
                    "BTR-CT-LDLD",
                    Level.DISTRICT,
                    2024,
                    HolderType.COLLECTIVE,
                    "Liên đoàn Lao động huyện Châu Thành",
                    "Mỗi công đoàn cơ sở nhận giúp đỡ thường xuyên một hộ hoặc một địa chỉ nhân đạo.");
            draft(
                    "1+1",
                    "canbo.tinh",
                    "“Mô hình 1+1” trong công tác vận động người dân tham gia bảo hiểm xã hội tự"
                            + " nguyện trên địa bàn huyện",
                    Field.CULTURE_SOCIETY,
                    "BTR-MCN-LHPN",
                    Level.PROVINCE,
                    2024,
                    HolderType.COLLECTIVE,
                    "Hội Liên hiệp Phụ nữ huyện Mỏ Cày Nam",
                    "Mỗi hội viên đã tham gia vận động thêm một người tham gia bảo hiểm xã hội tự nguyện.");
            draft(
                    "nuoc-ngot",
                    "canbo",
                    "Vận động Nhân dân trữ nước ngọt phục vụ sinh hoạt, sản xuất",
                    Field.CULTURE_SOCIETY,
                    "BTR-MCN-TTB-HND",
                    Level.COMMUNE,
                    2023,
                    HolderType.COLLECTIVE,
                    "Hội Nông dân xã Thành Thới B",
                    "Vận động hộ dân trang bị lu, bồn, túi trữ nước ngọt mùa khô.");
            draft(
                    "rac-thai",
                    "canbo",
                    "Vận động hội viên nông dân thu gom, phân loại và xử lý rác thải tại ấp Tân Điền",
                    Field.CULTURE_SOCIETY,
                    "BTR-MCN-TTB-HND",
                    Level.COMMUNE,
                    2025,
                    HolderType.INDIVIDUAL,
                    "Chi hội trưởng Chi hội Nông dân ấp Tân Điền",
                    "Bản nháp: vận động hộ hội viên phân loại rác thải tại nguồn.");
            // Defence and security
            draft(
                    "hoa-giai",
                    "canbo.tinh",
                    "Hòa giải các vụ việc hôn nhân và gia đình nhằm hướng tới kết quả hòa giải" + " đoàn tụ thành",
                    Field.DEFENSE_SECURITY,
                    "BTR-MCN-TAND",
                    Level.PROVINCE,
                    2024,
                    HolderType.COLLECTIVE,
                    "Tòa án nhân dân huyện Mỏ Cày Nam",
                    "Thẩm phán, hòa giải viên gặp gỡ, vận động các bên đoàn tụ trước khi đưa vụ việc ra xét xử.");
            draft(
                    "hui-ho",
                    "canbo.tinh",
                    "Tuyên truyền, vận động đoàn viên, hội viên và Nhân dân thực hiện có hiệu quả"
                            + " Nghị định 19/2019/NĐ-CP của Chính phủ về hụi, họ, biêu, phường",
                    Field.DEFENSE_SECURITY,
                    "BTR-GT",
                    Level.DISTRICT,
                    2024,
                    HolderType.COLLECTIVE,
                    "Ban Dân vận Huyện ủy Giồng Trôm",
                    "Tuyên truyền quy định về hụi, họ, biêu, phường để phòng ngừa tranh chấp, lừa đảo.");
            draft(
                    "ho-dao",
                    "canbo.tinh",
                    "Họ đạo liên giao tự quản về an ninh, trật tự",
                    Field.DEFENSE_SECURITY,
                    "BTR-CT",
                    Level.DISTRICT,
                    2025,
                    HolderType.COLLECTIVE,
                    "Ban Dân vận Huyện ủy Châu Thành",
                    "Vận động chức sắc, tín đồ tham gia tự quản về an ninh, trật tự ở khu dân cư.");
            draft(
                    "clb-phap-luat",
                    "canbo.tinh",
                    "Thành lập câu lạc bộ tuyên truyền viên pháp luật nòng cốt",
                    Field.DEFENSE_SECURITY,
                    "BTR-MCN-TTB",
                    Level.COMMUNE,
                    2025,
                    HolderType.COLLECTIVE,
                    "Ủy ban Mặt trận Tổ quốc Việt Nam xã Thành Thới B",
                    "Bản nháp đang hoàn thiện.");
            // Building the Party and the political system
            draft(
                    "qr-code",
                    "canbo.tinh",
                    "Xây dựng mã QR code để khảo sát mức độ hài lòng của tổ chức đảng và đảng viên"
                            + " về các thủ tục hành chính trong công tác Đảng, đảng viên",
                    Field.POLITICAL_SYSTEM,
                    "BTR-BDV",
                    Level.PROVINCE,
                    2024,
                    HolderType.COLLECTIVE,
                    "Ban Dân vận Tỉnh ủy Bến Tre",
                    "Tổ chức đảng, đảng viên quét mã QR để đánh giá mức độ hài lòng sau mỗi thủ tục.");
            draft(
                    "cai-cach",
                    "canbo.tinh",
                    "Đổi mới phương hướng làm việc theo hướng phục vụ, thực hiện có hiệu quả công"
                            + " tác cải cách thủ tục hành chính",
                    Field.POLITICAL_SYSTEM,
                    "BTR-CT-PD-UBND",
                    Level.PROVINCE,
                    2024,
                    HolderType.COLLECTIVE,
                    "Ủy ban nhân dân xã Phú Đức",
                    "Bộ phận một cửa chuyển sang phục vụ, hẹn giờ trả kết quả và lấy ý kiến người dân.");
            draft(
                    "than-thien",
                    "canbo.tinh",
                    "Chính quyền thân thiện vì nhân dân phục vụ",
                    Field.POLITICAL_SYSTEM,
                    "BTR-CT-PD-UBND",
                    Level.COMMUNE,
                    2023,
                    HolderType.COLLECTIVE,
                    "Ủy ban nhân dân xã Phú Đức",
                    "Cán bộ, công chức niềm nở, tận tình hướng dẫn; đối thoại định kỳ với Nhân dân.");
            draft(
                    "nghiep-doan",
                    "canbo.tinh",
                    "Vận động thành lập các Nghiệp đoàn và phát triển đoàn viên là lao động"
                            + " khu vực phi chính thức",
                    Field.POLITICAL_SYSTEM,
                    "BTR-CT-LDLD",
                    Level.DISTRICT,
                    2025,
                    HolderType.COLLECTIVE,
                    "Liên đoàn Lao động huyện Châu Thành",
                    "Vận động lao động tự do thành lập nghiệp đoàn, kết nạp đoàn viên.");
            log.info("[demo] 3/9 registrations: {} models drafted by canbo and canbo.tinh", ids.size());
        }

        private void appraise() {
            List<String> toSubmit = new ArrayList<>(ids.keySet());
            toSubmit.removeAll(List.of("rac-thai", "clb-phap-luat"));
            toSubmit.forEach(key -> on(inYear(key, 3, 20), () -> submit(key)));
            // District-level models of Mỏ Cày Nam go to its own board; "vay-von-cntt" stays in its inbox.
            accept("thamdinh.huyen", "de-bao");
            accept(
                    "thamdinh",
                    "ma-vung-trong",
                    "500-trieu",
                    "hien-dat",
                    "gpmb",
                    "nha-ddk",
                    "dvc-truc-tuyen",
                    "cong-doan",
                    "1+1",
                    "nuoc-ngot",
                    "hoa-giai",
                    "hui-ho",
                    "qr-code",
                    "cai-cach",
                    "than-thien");
            decide(
                    "thamdinh.huyen",
                    "tiet-kiem",
                    AppraisalDecision.REJECT,
                    "Nội dung là nhiệm vụ chuyên môn thường"
                            + " xuyên của đơn vị, chưa thể hiện cách làm dân vận mới.");
            decide(
                    "thamdinh",
                    "nghiep-doan",
                    AppraisalDecision.REQUEST_CHANGES,
                    "Bổ sung chỉ tiêu số nghiệp đoàn," + " số đoàn viên phát triển mới và thời gian thực hiện.");
            // "Họ đạo liên giao" went back for changes once, was completed and is waiting again.
            decide(
                    "thamdinh",
                    "ho-dao",
                    AppraisalDecision.REQUEST_CHANGES,
                    "Nêu rõ lực lượng nòng cốt và cách" + " phối hợp với Ban Công an xã.");
            on(
                    LocalDate.of(2025, 5, 5),
                    () -> editAndResubmit(
                            "canbo.tinh",
                            "ho-dao",
                            "Vận động chức sắc, tín đồ tham gia tự quản về an ninh, trật tự;"
                                    + " lực lượng nòng cốt là Ban Hộ giáo, phối hợp với Công an xã và Ban Nhân dân ấp."));
            log.info(
                    "[demo] 4/9 appraisal: {} submitted; accepted, rejected, changes requested, resubmitted",
                    toSubmit.size());
        }

        private void recognizeAtTheBaseLevels() {
            // Commune level, 2023 (the base level decides first, in August).
            recognizeAt("than-thien", Level.COMMUNE, 2023, "08/QĐ-BCĐ", LocalDate.of(2023, 8, 15));
            // District level, 2023 and 2024.
            recognizeAt("de-bao", Level.DISTRICT, 2023, "27/QĐ-BCĐ", LocalDate.of(2023, 9, 20));
            recognizeAt("hien-dat", Level.DISTRICT, 2023, "31/QĐ-BCĐ", LocalDate.of(2023, 9, 25));
            recognizeAt("hui-ho", Level.DISTRICT, 2024, "52/QĐ-BCĐ", LocalDate.of(2024, 9, 26));
            // Province level: 2023's model chosen for replication.
            recognizeAt("gpmb", Level.PROVINCE, 2023, "09/QĐ-BCĐ", LocalDate.of(2023, 10, 12));
            // The province copies the example criteria set in 2024; its rounds score against it.
            Long set = at(
                    LocalDate.of(2024, 1, 2),
                    () -> criteria.copy(
                                    as.get("quantri"),
                                    exampleSet(),
                                    new CriteriaCatalogue.CopyRequest(
                                            "BTR", Level.PROVINCE, LocalDate.of(2024, 1, 1), null, null, null, null))
                            .id());
            log.info(
                    "[demo] 5/9 recognition: 5 decisions of 2023 and 2024 at commune, district and province level,"
                            + " criteria set #{} copied by the province",
                    set);
        }

        private void decideTheRoundOf2024() {
            // 2024: proposed in October, a round scored in November, decided by 15/QĐ-BCĐ of 10/12/2024 (one
            // proposal declined first).
            List<Long> in2024 = new ArrayList<>();
            for (String key :
                    List.of("de-bao", "ma-vung-trong", "500-trieu", "nha-ddk", "1+1", "hoa-giai", "qr-code")) {
                in2024.add(at(LocalDate.of(2024, 10, 21), () -> propose(key, Level.PROVINCE, 2024)));
            }
            Long declined = at(LocalDate.of(2024, 10, 21), () -> propose("cai-cach", Level.PROVINCE, 2024));
            Long round2024 = at(
                    LocalDate.of(2024, 10, 28),
                    () -> round(2024, LocalDate.of(2024, 11, 4), LocalDate.of(2024, 11, 29)));
            on(LocalDate.of(2024, 11, 15), () -> {
                in2024.forEach(p -> score(p, 18, 17, 22, 13, 17));
                score(declined, 14, 12, 15, 13, 11);
            });
            on(
                    LocalDate.of(2024, 12, 5),
                    () -> recognitions.decide(
                            as.get("lanhdao"),
                            declined,
                            Decision.DECLINE,
                            null,
                            null,
                            "Chưa đủ minh chứng về kết quả; tiếp tục theo dõi năm sau."));
            on(
                    LocalDate.of(2024, 12, 10),
                    () -> councils.decide(
                            as.get("lanhdao"),
                            round2024,
                            new Councils.RoundDecision("15/QĐ-BCĐ", LocalDate.of(2024, 12, 10), in2024, false, null)));
            decisionCount += in2024.size() + 1;
        }

        private void scoreTheRoundOf2025() {
            // 2025: proposed in October, scored in November 2025, results waiting for the decision.
            Long service = at(LocalDate.of(2025, 10, 20), () -> propose("dvc-truc-tuyen", Level.PROVINCE, 2025));
            Long union = at(LocalDate.of(2025, 10, 20), () -> propose("cong-doan", Level.PROVINCE, 2025));
            on(LocalDate.of(2025, 10, 27), () -> round(2025, LocalDate.of(2025, 11, 3), LocalDate.of(2025, 11, 28)));
            on(LocalDate.of(2025, 11, 14), () -> {
                score(service, 18, 17, 19, 14, 18);
                score(union, 15, 14, 16, 10, 15);
            });
            log.info(
                    "[demo] 5/9 rounds: {} proposals, {} decisions (incl. 15/QĐ-BCĐ of 10/12/2024), rounds 2024"
                            + " (decided) and 2025 (results)",
                    proposalCount,
                    decisionCount);
        }

        /** This year's round: scoring open since ten days, for three weeks more; the council member has sheets. */
        private void openThisYearsRound() {
            LocalDate today = LocalDate.now(clock);
            for (String key : List.of("hien-dat", "than-thien", "hui-ho")) {
                propose(key, Level.PROVINCE, today.getYear());
            }
            round(today.getYear(), today.minusDays(10), today.plusDays(21));
            log.info("[demo] 7/9 round of {}: 3 proposals, scoring open until {}", today.getYear(), today.plusDays(21));
        }

        /** The province's leader opens a round of the given year (gathering its proposals) with the council member. */
        private Long round(int year, LocalDate opens, LocalDate closes) {
            CurrentUser leader = as.get("lanhdao");
            Long id = councils.create(
                            leader,
                            new Councils.RoundDraft(
                                    "BTR",
                                    Level.PROVINCE,
                                    year,
                                    null,
                                    opens,
                                    closes,
                                    null,
                                    CouncilScoring.Basis.NORMALISED,
                                    "Ban Chỉ đạo 441 tỉnh Bến Tre",
                                    "Tỉnh ủy Bến Tre"))
                    .id();
            councils.addMembers(leader, id, List.of("hoidong"));
            councils.assign(leader, id, null);
            return id;
        }

        private Long exampleSet() {
            return criteria.list(as.get("quantri")).stream()
                    .filter(CriteriaCatalogue.CriteriaSetView::example)
                    .findFirst()
                    .orElseThrow()
                    .id();
        }

        private void reviewAndReplicate() {
            CurrentUser board = as.get("thamdinh");
            on(
                    LocalDate.of(2023, 12, 20),
                    () -> models.review(
                            board,
                            ids.get("gpmb"),
                            2023,
                            ReviewOutcome.REPLICATE,
                            "Chọn nhân rộng cấp tỉnh giai đoạn 2021 - 2025."));
            on(LocalDate.of(2024, 12, 27), () -> {
                models.review(
                        board,
                        ids.get("de-bao"),
                        2024,
                        ReviewOutcome.REPLICATE,
                        "Nhân rộng ra các xã ven sông của huyện Mỏ Cày Nam.");
                models.review(board, ids.get("hien-dat"), 2024, ReviewOutcome.MAINTAIN, "Tiếp tục duy trì.");
                models.review(
                        board,
                        ids.get("nuoc-ngot"),
                        2024,
                        ReviewOutcome.RETIRE,
                        "Hoạt động kém hiệu quả, mang tính hình thức; loại bỏ theo rà soát năm 2024.");
            });
            CurrentUser reporter = as.get("canbo.tinh");
            ModelView replica = at(
                    LocalDate.of(2025, 2, 10),
                    () -> models.register(
                            reporter,
                            new ModelRegistration(
                                    "Nhân rộng mô hình vận động nhân dân"
                                            + " đồng thuận giao đất giải phóng mặt bằng thực hiện công trình, dự án trên địa bàn huyện",
                                    Field.ECONOMY,
                                    "BTR-CT",
                                    Level.DISTRICT,
                                    2025,
                                    HolderType.COLLECTIVE,
                                    "Ban Dân vận Huyện ủy Châu Thành",
                                    Origin.REPLICATED,
                                    ids.get("gpmb"),
                                    "Nhân rộng mô hình cấp tỉnh: tổ vận động gồm cán bộ ấp, Mặt trận và các đoàn thể.",
                                    null)));
            ids.put("nhan-rong-gpmb", replica.id());
            years.put("nhan-rong-gpmb", 2025);
            on(LocalDate.of(2025, 2, 20), () -> submit("nhan-rong-gpmb"));
            accept("thamdinh", "nhan-rong-gpmb");
            log.info(
                    "[demo] 6/9 annual review: 2 replicate, 1 maintain, 1 retired; 1 replica of model #{}",
                    ids.get("gpmb"));
        }

        /** A progress report filed on the last day of its period. */
        private void report(
                String reporter, String key, LocalDate period, List<Progress.IndicatorValue> values, String narrative) {
            on(period, () -> progress.file(as.get(reporter), ids.get(key), period, values, narrative));
        }

        private void commend() {
            CurrentUser approver = as.get("lanhdao");
            on(
                    LocalDate.of(2024, 12, 20),
                    () -> commendations.issue(
                            approver,
                            new NewCommendation(
                                    CommendationForm.BANG_KHEN,
                                    HolderType.COLLECTIVE,
                                    "Hội Nông dân xã Thành Thới B",
                                    "BTR-MCN-TTB-HND",
                                    "BTR",
                                    "102/QĐ-UBND",
                                    LocalDate.of(2024, 12, 20),
                                    "Đã có thành tích xuất sắc trong phong trào thi đua “Dân vận khéo”" + " năm 2024.",
                                    Set.of(ids.get("de-bao")))));
            on(
                    LocalDate.of(2024, 12, 25),
                    () -> commendations.issue(
                            approver,
                            new NewCommendation(
                                    CommendationForm.GIAY_KHEN,
                                    HolderType.INDIVIDUAL,
                                    "Chủ tịch Hội Liên hiệp Phụ nữ huyện Mỏ Cày Nam",
                                    "BTR-MCN-LHPN",
                                    "BTR-MCN",
                                    "245/QĐ-UBND",
                                    LocalDate.of(2024, 12, 25),
                                    "Có cách làm hay trong vận động người dân tham gia bảo hiểm xã hội" + " tự nguyện.",
                                    Set.of(ids.get("1+1")))));
            log.info("[demo] 9/9 commendations: 1 Bằng khen (BTR), 1 Giấy khen (BTR-MCN)");
        }

        private void unit(CurrentUser admin, String code, String name, Level level, UnitKind kind, String parent) {
            units.create(admin, new NewUnit(code, name, level, kind, parent));
            unitCount++;
        }

        private CurrentUser user(CurrentUser admin, DemoUser u) {
            Accounts.UserSummary s = accounts.create(
                    admin, new NewUser(u.username(), password, u.fullName(), u.unitCode(), EnumSet.of(u.role())));
            UnitRef unit = units.byCode(s.unitCode()).orElseThrow();
            return new CurrentUser(
                    s.id(),
                    s.username(),
                    s.fullName(),
                    unit.id(),
                    unit.code(),
                    unit.name(),
                    unit.path(),
                    unit.level(),
                    s.roles());
        }

        private void draft(
                String key,
                String reporter,
                String title,
                Field field,
                String unitCode,
                Level level,
                int year,
                HolderType holderType,
                String holderName,
                String summary) {
            ModelView m = at(
                    LocalDate.of(year, 3, 10),
                    () -> models.register(
                            as.get(reporter),
                            new ModelRegistration(
                                    title,
                                    field,
                                    unitCode,
                                    level,
                                    year,
                                    holderType,
                                    holderName,
                                    Origin.NEW,
                                    null,
                                    summary,
                                    null)));
            ids.put(key, m.id());
            years.put(key, year);
        }

        private String reporterOf(String key) {
            return models.viewsOf(List.of(ids.get(key))).get(ids.get(key)).createdBy();
        }

        private void submit(String key) {
            models.submit(as.get(reporterOf(key)), ids.get(key));
        }

        private void accept(String appraiser, String... keys) {
            for (String key : keys) {
                on(
                        inYear(key, 4, 15),
                        () -> models.appraise(as.get(appraiser), ids.get(key), AppraisalDecision.ACCEPT, "Ghi nhận."));
            }
        }

        private void decide(String appraiser, String key, AppraisalDecision decision, String comment) {
            on(inYear(key, 4, 15), () -> models.appraise(as.get(appraiser), ids.get(key), decision, comment));
        }

        private void editAndResubmit(String reporter, String key, String summary) {
            ModelView m = models.get(as.get(reporter), ids.get(key));
            models.edit(
                    as.get(reporter),
                    m.id(),
                    new ModelRegistration(
                            m.title(),
                            m.field(),
                            m.unitCode(),
                            m.level(),
                            m.year(),
                            m.holderType(),
                            m.holderName(),
                            m.origin(),
                            m.replicatedFromId(),
                            summary,
                            m.version()),
                    m.version());
            models.submit(as.get(reporter), m.id());
        }

        private Long propose(String key, Level level, int year) {
            proposalCount++;
            return recognitions
                    .propose(
                            as.get(reporterOf(key)),
                            ids.get(key),
                            level,
                            year,
                            "Đề nghị công nhận mô hình “Dân vận khéo” cấp " + levelName(level) + " năm " + year + ".")
                    .id();
        }

        private void score(Long proposalId, int... points) {
            List<Recognitions.Score> scores = new ArrayList<>();
            for (int i = 0; i < points.length; i++) {
                scores.add(new Recognitions.Score(CODES.get(i), BigDecimal.valueOf(points[i])));
            }
            recognitions.score(as.get("hoidong"), proposalId, scores, null);
        }

        /** Proposed five weeks before the decision, scored two weeks before it, recognized on its date. */
        private void recognizeAt(String key, Level level, int year, String number, LocalDate date) {
            Long proposal = at(date.minusWeeks(5), () -> propose(key, level, year));
            on(date.minusWeeks(2), () -> score(proposal, 18, 17, 19, 18, 17));
            on(
                    date,
                    () -> recognitions.decide(
                            as.get("lanhdao"),
                            proposal,
                            Decision.RECOGNIZE,
                            number,
                            date,
                            "Công nhận đạt mô hình “Dân vận khéo” cấp " + levelName(level) + "."));
            decisionCount++;
        }

        /** The day in the model's own year. */
        private LocalDate inYear(String key, int month, int day) {
            return LocalDate.of(years.get(key), month, day);
        }

        /** Runs {@code step} as if it happened during office hours on {@code day}. */
        private void on(LocalDate day, Runnable step) {
            at(day, () -> {
                step.run();
                return null;
            });
        }

        private <T> T at(LocalDate day, Supplier<T> step) {
            return clock instanceof BusinessClock business
                    ? business.at(day.atTime(OFFICE_HOURS).atZone(Fmt.ZONE).toInstant(), step)
                    : step.get();
        }

        private static Progress.IndicatorValue value(String code, String amount) {
            return new Progress.IndicatorValue(code, new BigDecimal(amount));
        }

        private static String levelName(Level level) {
            return switch (level) {
                case CENTRAL -> "Trung ương";
                case PROVINCE -> "tỉnh";
                case DISTRICT -> "huyện";
                case COMMUNE -> "xã";
            };
        }
    }
}
