package vn.dvk.access;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dvk.shared.Role.ADMIN;
import static vn.dvk.shared.Role.APPRAISER;
import static vn.dvk.shared.Role.APPROVER;
import static vn.dvk.shared.Role.REPORTER;
import static vn.dvk.shared.Role.SCORER;
import static vn.dvk.shared.Role.VIEWER;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import vn.dvk.shared.Role;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.Multipart;
import vn.dvk.support.WebSession;

/**
 * The access matrix: every API endpoint and every page, for every role and anonymous callers, on a resource of
 * the caller's own unit, of a child unit and of a foreign unit, checked against one explicit rule table
 * ({@link #RULES}).
 *
 * <p><b>What is enumerated.</b> The endpoints of the OpenAPI document ({@code /v3/api-docs}) and the handler
 * methods of every {@code vn.dvk} controller in Spring's {@code RequestMappingHandlerMapping} (which also holds
 * the page controllers, hidden from OpenAPI). A mapping without a rule fails {@link #everyMappingHasARule()}
 * ("new endpoint without an access rule: POST /api/v1/…"); a rule without a mapping fails as stale; an OpenAPI
 * path that is not a mapping fails too.
 *
 * <p><b>The world.</b> Own unit {@code P} (a province), its child commune {@code C}, and a foreign province
 * {@code Q} with its commune {@code FC}. One user per role works at {@code P}. For each relation there is a
 * resource of every kind: an accepted model with a progress report and an evidence file, a model with a pending
 * proposal, an inspection with a finding, a photo and a follow-up, a commendation, a criteria set, a catalogue
 * indicator, a recognition round (own and foreign), a user, a unit, an export job. "Own" is {@code P}'s resource,
 * "child" {@code C}'s, "foreign" {@code FC}'s (rounds and criteria sets of the foreign relation belong to {@code Q}).
 * Endpoints whose answer does not depend on a unit (catalogues, the caller's own things, sign-in) are walked once
 * per role ("any").
 *
 * <p><b>Refused</b> means: 401; 403; 404 (the application answers 404 for what the caller may not see, exactly
 * like a missing resource — every path variable is filled with an existing resource, so a 404 here is a refusal);
 * a page's redirect to {@code /login}; and, for endpoints that take the unit in the body or the query (register a
 * model, create a unit or user, list by {@code unit=…}), a 400 whose errors name that unit field (API:
 * {@code errors[].field}; pages: the message beside the field, {@code id="<field>-error"}) — that is how the
 * application refuses a unit outside the caller's subtree. <b>Allowed</b> is every other answer below 500: for a
 * write, a 400, 409 or 422 about the content or the state of the resource means the request got past access
 * control, so bodies can be minimal. Bodies are valid enough to pass bean validation, because validation runs
 * before the service checks access. Any 5xx fails the cell.
 *
 * <p><b>The fixture survives the walk</b>: writes that succeed leave the resource visible to the same people
 * (appraisals and decisions of already-decided resources answer 409, proposals are declined, not recognized);
 * destructive calls get a fresh resource per cell (revoking a token, reorganizations, disabling users).
 *
 * <p>Rerun: {@code mvn -B -q test -Dtest=AccessMatrixTests -Dskip.pg=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("matrix")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTests extends IntegrationTest {

    /** Where the resource lies, seen from the caller's unit {@code P}. */
    enum Rel {
        OWN,
        CHILD,
        FOREIGN
    }

    private static final Set<Role> ALL = EnumSet.allOf(Role.class);
    /** Who oversees a recognition round: its results are not shown to members who only score. */
    private static final Set<Role> OVERSEERS = EnumSet.of(APPRAISER, APPROVER, ADMIN, VIEWER);

    private static final Set<Rel> SUBTREE = EnumSet.of(Rel.OWN, Rel.CHILD);
    private static final Set<Rel> EVERYWHERE = EnumSet.allOf(Rel.class);
    private static final Set<Rel> OWN_ONLY = EnumSet.of(Rel.OWN);
    private static final Set<Rel> NOWHERE = EnumSet.noneOf(Rel.class);

    // ------------------------------------------------------------------------------------------------------------
    // The rule table. One line per (method, path pattern) exactly as Spring maps it.
    //   roles:  who may call it (signed in, with one of these roles; NOBODY = no role of a province user may)
    //   where:  for which unit relations (SUBTREE = own and child unit; EVERYWHERE; OWN_ONLY); ANY = the
    //           endpoint does not depend on a unit and is walked once per role
    //   public: anonymous callers are allowed too
    // ------------------------------------------------------------------------------------------------------------

    static final List<Rule> RULES = List.of(
            // --- sign-in
            api("POST /api/v1/auth/token").anyone().body(c -> Map.of("username", c.f.signInUser, "password", PASSWORD)),
            api("DELETE /api/v1/auth/token").roles(ALL).freshToken(),
            page("GET /login").anyone(),
            page("GET /login/locked").anyone(),
            page("GET /").roles(ALL),

            // --- units and reorganizations
            api("GET /api/v1/units").roles(ALL).where(SUBTREE).query("under={unit}"),
            api("GET /api/v1/units/{code}").roles(ALL).where(SUBTREE),
            api("POST /api/v1/units")
                    .roles(ADMIN)
                    .where(SUBTREE)
                    .scopeField("parentCode")
                    .body(c -> Map.of(
                            "code",
                            Api.unique("AM"),
                            "name",
                            "Đơn vị mới",
                            "level",
                            "COMMUNE",
                            "kind",
                            "FRONT",
                            "parentCode",
                            c.unit())),
            api("GET /api/v1/units/resolve").roles(ALL).query("name=Tân Tác"),
            api("POST /api/v1/units/map").roles(NOBODY()).body(c -> Map.of("map", "2025", "withHistory", false)),
            // the whole trail spans every unit: only an administrator of the root (none in this world's provinces)
            api("GET /api/v1/audit/verify").roles(NOBODY()),
            api("POST /api/v1/reorganizations")
                    .roles(ADMIN)
                    .where(SUBTREE)
                    .scopeField("from")
                    .body(c -> c.f.renameOfScratch(c.rel)),
            api("POST /api/v1/reorganizations/preview")
                    .roles(ADMIN)
                    .where(SUBTREE)
                    .scopeField("from")
                    .body(c -> c.f.renameOfScratch(c.rel)),
            api("GET /api/v1/reorganizations/scheduled").roles(ADMIN),
            api("POST /api/v1/reorganizations/{id}/cancel")
                    .roles(ADMIN)
                    .where(SUBTREE)
                    .fresh("id", Fx::freshScheduledReorganization),
            page("GET /admin/units").roles(ADMIN),
            page("POST /admin/units")
                    .roles(ADMIN)
                    .where(SUBTREE)
                    .scopeField("parentCode")
                    .form(c -> Map.of(
                            "code",
                            Api.unique("AM"),
                            "name",
                            "Đơn vị mới",
                            "level",
                            "COMMUNE",
                            "kind",
                            "FRONT",
                            "parentCode",
                            c.unit())),
            page("POST /admin/units/map").roles(NOBODY()).form(c -> Map.of("withHistory", "false")),
            page("GET /admin/reorganizations").roles(ADMIN),
            // the pickers answer within the caller's own subtree, whoever asks
            page("GET /units/pick").roles(ALL).query("q=xa"),
            page("POST /admin/reorganizations/preview")
                    .roles(ADMIN)
                    .where(SUBTREE)
                    .scopeField("from")
                    .form(c -> c.f.renameForm(c.rel)),
            page("POST /admin/reorganizations")
                    .roles(ADMIN)
                    .where(SUBTREE)
                    .scopeField("from")
                    .form(c -> c.f.renameForm(c.rel)),
            page("POST /admin/reorganizations/{id}/cancel")
                    .roles(ADMIN)
                    .where(SUBTREE)
                    .fresh("id", Fx::freshScheduledReorganization),

            // --- users
            api("POST /api/v1/users")
                    .roles(ADMIN)
                    .where(SUBTREE)
                    .scopeField("unitCode")
                    .body(c -> Map.of(
                            "username",
                            Api.unique("am"),
                            "password",
                            PASSWORD,
                            "fullName",
                            "Người mới",
                            "unitCode",
                            c.unit(),
                            "roles",
                            List.of("VIEWER"))),
            api("GET /api/v1/users").roles(ADMIN),
            api("GET /api/v1/users/me").roles(ALL),
            api("POST /api/v1/users/{id}/disable").roles(ADMIN).where(SUBTREE).fresh("id", Fx::freshUser),
            page("GET /admin/users").roles(ADMIN),
            page("POST /admin/users")
                    .roles(ADMIN)
                    .where(SUBTREE)
                    .scopeField("unitCode")
                    .form(c -> Map.of(
                            "username",
                            Api.unique("am"),
                            "password",
                            PASSWORD,
                            "fullName",
                            "Người mới",
                            "unitCode",
                            c.unit(),
                            "roles",
                            "VIEWER")),
            page("POST /admin/users/{id}/disable").roles(ADMIN).where(SUBTREE).fresh("id", Fx::freshUser),
            page("POST /admin/users/{id}/email")
                    .roles(ADMIN)
                    .where(SUBTREE)
                    .fresh("id", Fx::freshUser)
                    .form(c -> Map.of("email", "can.bo@xa.gov.vn")),

            // --- notices: one's own only (another user's notice is 404, even in the subtree)
            api("GET /api/v1/notifications").roles(ALL),
            api("POST /api/v1/notifications/{id}/read")
                    .roles(ALL)
                    .where(OWN_ONLY)
                    .var("id", "notice"),
            page("GET /notifications").roles(ALL),
            page("POST /notifications/{id}/read").roles(ALL).where(OWN_ONLY).var("id", "notice"),
            page("POST /notifications/read-all").roles(ALL),
            page("GET /notifications/settings").roles(ALL),
            page("POST /notifications/settings").roles(ALL).form(c -> Map.of("language", "vi", "mailed", "APPRAISED")),

            // --- models
            api("POST /api/v1/models")
                    .roles(REPORTER)
                    .where(SUBTREE)
                    .scopeField("unitCode")
                    .body(c -> registration(c.unit())),
            api("GET /api/v1/models")
                    .roles(ALL)
                    .where(SUBTREE)
                    .scopeField("unit")
                    .query("unit={unit}"),
            api("GET /api/v1/models/{id}").roles(ALL).where(SUBTREE),
            api("PUT /api/v1/models/{id}").roles(REPORTER).where(SUBTREE).body(c -> {
                Map<String, Object> m = registration(c.unit());
                m.put("version", 0);
                return m;
            }),
            api("POST /api/v1/models/{id}/submit").roles(REPORTER).where(SUBTREE),
            api("POST /api/v1/models/{id}/appraisal")
                    .roles(APPRAISER)
                    .where(SUBTREE)
                    .body(c -> Map.of("decision", "ACCEPT")),
            api("POST /api/v1/models/{id}/reviews")
                    .roles(APPRAISER)
                    .where(SUBTREE)
                    .body(c -> Map.of("year", 2024, "outcome", "MAINTAIN")),
            api("GET /api/v1/models/{id}/timeline").roles(ALL).where(SUBTREE),
            api("GET /api/v1/models/{id}/registration.pdf").roles(ALL).where(SUBTREE),
            page("GET /models").roles(ALL).where(SUBTREE).scopeField("unit").query("unit={unit}"),
            page("GET /models/new").roles(REPORTER),
            page("GET /models/pick").roles(ALL).query("q=mo hinh"),
            page("POST /models")
                    .roles(REPORTER)
                    .where(SUBTREE)
                    .scopeField("unitCode")
                    .form(c -> form(registration(c.unit()))),
            page("GET /models/{id}").roles(ALL).where(SUBTREE),
            page("GET /models/{id}/edit").roles(REPORTER).where(SUBTREE),
            page("GET /models/{id}/registration.pdf").roles(ALL).where(SUBTREE),
            page("POST /models/{id}").roles(REPORTER).where(SUBTREE).form(c -> {
                Map<String, String> m = form(registration(c.unit()));
                m.put("version", "0");
                return m;
            }),
            page("POST /models/{id}/submit").roles(REPORTER).where(SUBTREE),
            page("POST /models/{id}/appraisal").roles(APPRAISER).where(SUBTREE).form(c -> Map.of("decision", "ACCEPT")),
            page("POST /models/{id}/reviews")
                    .roles(APPRAISER)
                    .where(SUBTREE)
                    .form(c -> Map.of("year", "2024", "outcome", "MAINTAIN")),

            // --- progress, evidence, indicators
            api("POST /api/v1/models/{id}/progress-reports")
                    .roles(REPORTER)
                    .where(SUBTREE)
                    .body(c -> Map.of("asOf", "2024-09-30", "indicators", List.of(), "narrative", "Tiến độ")),
            api("GET /api/v1/models/{id}/progress-reports").roles(ALL).where(SUBTREE),
            api("POST /api/v1/models/{id}/progress-reports/{reportId}/evidence")
                    .roles(REPORTER)
                    .where(SUBTREE)
                    .multipart(c -> new Multipart().file("file", "bien-ban.pdf", Multipart.pdf())),
            api("GET /api/v1/models/{id}/evidence/{evidenceId}").roles(ALL).where(SUBTREE),
            api("GET /api/v1/models/{id}/progress-chart").roles(ALL).where(SUBTREE),
            api("GET /api/v1/models/{id}/reporting-deadline").roles(ALL).where(SUBTREE),
            api("GET /api/v1/models/{id}/formalism-signals").roles(ALL).where(SUBTREE),
            page("POST /models/{id}/evidence/{evidenceId}/public")
                    .roles(REPORTER)
                    .where(SUBTREE)
                    .form(c -> Map.of("shown", "false")),
            api("POST /api/v1/models/{id}/evidence/{evidenceId}/public")
                    .roles(REPORTER)
                    .where(SUBTREE)
                    .body(c -> Map.of("public", false)),

            // --- the public library (vn.dvk.showcase): anyone, signed in or not, on a recognized model
            api("GET /api/v1/public/models").anyone(),
            api("GET /api/v1/public/models/{id}").anyone().var("id", "publicModel"),
            api("GET /api/v1/public/models/{id}/indicators").anyone().var("id", "publicModel"),
            api("GET /api/v1/public/models/{id}/qr.png").anyone().var("id", "publicModel"),
            api("GET /api/v1/public/models/{id}/photos/{photoId}")
                    .anyone()
                    .var("id", "publicModel")
                    .var("photoId", "publicPhoto"),
            api("POST /api/v1/public/models/{id}/feedback")
                    .anyone()
                    .var("id", "publicModel")
                    .body(c -> Map.of("rating", 5)),
            page("GET /cong-khai").anyone(),
            page("GET /cong-khai/mo-hinh/{id}").anyone().var("id", "publicModel"),
            page("POST /cong-khai/mo-hinh/{id}/danh-gia")
                    .anyone()
                    .var("id", "publicModel")
                    .form(c -> Map.of("rating", "5")),
            page("GET /sitemap.xml").anyone(),
            api("GET /api/v1/public/nominations").anyone(),
            page("GET /cong-khai/lay-y-kien").anyone(),
            // the walk's window has closed: 409 with the page again, which gets past access control
            page("POST /cong-khai/lay-y-kien/{proposalId}")
                    .anyone()
                    .var("proposalId", "commentProposal")
                    .form(c -> Map.of("text", "Ý kiến")),
            // a proposal never opened for comment: 404 for everyone alike, which the matrix counts as refused
            api("POST /api/v1/public/nominations/{proposalId}/comments")
                    .roles(NOBODY())
                    .var("proposalId", "proposal")
                    .body(c -> Map.of("text", "Ý kiến")),
            page("GET /models/{id}/showcase").roles(ALL).where(SUBTREE),
            api("POST /api/v1/recognition-rounds/{id}/public-comment")
                    .roles(APPROVER, ADMIN)
                    .where(SUBTREE)
                    .body(c -> Map.of("opens", "2020-01-06", "closes", "2020-01-10")),
            api("GET /api/v1/recognition-proposals/{id}/public-comments")
                    .roles(ALL)
                    .where(SUBTREE),
            api("POST /api/v1/recognition-proposals/{id}/public-comments/{commentId}/hide")
                    .roles(APPRAISER, APPROVER, ADMIN)
                    .where(SUBTREE)
                    .var("id", "commentProposal")
                    .var("commentId", "publicComment")
                    .body(c -> Map.of("reason", "Lời lẽ xúc phạm")),
            page("GET /models/{id}/signboard.pdf").roles(ALL).where(SUBTREE).var("id", "publicModel"),
            api("GET /api/v1/formalism-signals")
                    .roles(ALL)
                    .where(SUBTREE)
                    .scopeField("unit")
                    .query("unit={unit}"),
            api("GET /api/v1/indicators").roles(ALL),
            api("GET /api/v1/indicators/{code}").roles(ALL).where(EVERYWHERE),
            api("POST /api/v1/indicators")
                    .roles(ADMIN)
                    .body(c -> Map.of(
                            "code", Api.unique("AM_IND"), "name", "Số hộ mới", "measure", "hộ", "kind", "COUNT")),
            api("PUT /api/v1/indicators/{code}")
                    .roles(ADMIN)
                    .where(SUBTREE)
                    .body(c -> Map.of("name", "Số hộ", "measure", "hộ", "kind", "COUNT", "version", 999)),
            api("GET /api/v1/models/{id}/indicators").roles(ALL).where(SUBTREE),
            api("PUT /api/v1/models/{id}/indicators")
                    .roles(REPORTER)
                    .where(SUBTREE)
                    .body(c -> Map.of("indicators", List.of())),
            page("GET /models/{id}/progress").roles(ALL).where(SUBTREE),
            page("POST /models/{id}/progress")
                    .roles(REPORTER)
                    .where(SUBTREE)
                    .form(c -> Map.of("asOf", "2024-09-30", "narrative", "Tiến độ")),
            page("GET /models/{id}/evidence/{evidenceId}").roles(ALL).where(SUBTREE),
            page("GET /models/{id}/progress/chart").roles(ALL).where(SUBTREE),
            page("GET /models/{id}/indicators").roles(ALL).where(SUBTREE),
            page("POST /models/{id}/indicators")
                    .roles(REPORTER)
                    .where(SUBTREE)
                    .form(c -> Map.of("code", "SO_HO_THAM_GIA", "baseline", "1", "target", "2")),
            page("POST /models/{id}/indicators/remove")
                    .roles(REPORTER)
                    .where(SUBTREE)
                    .form(c -> Map.of("code", "SO_HO_THAM_GIA")),
            page("GET /admin/indicators").roles(ADMIN),
            page("POST /admin/indicators")
                    .roles(ADMIN)
                    .form(c -> Map.of(
                            "code", Api.unique("AM_IND"), "name", "Số hộ mới", "measure", "hộ", "kind", "COUNT")),
            page("GET /progress/signals")
                    .roles(ALL)
                    .where(SUBTREE)
                    .scopeField("unit")
                    .query("unit={unit}"),

            // --- recognition: proposals, ladder, replication, annual review
            api("POST /api/v1/models/{id}/recognition-proposals")
                    .roles(REPORTER, APPRAISER)
                    .where(SUBTREE)
                    .body(c -> Map.of("level", "CENTRAL", "year", 2024)),
            api("GET /api/v1/models/{id}/recognition-proposals").roles(ALL).where(SUBTREE),
            api("GET /api/v1/recognition-proposals/{id}").roles(ALL).where(SUBTREE),
            api("POST /api/v1/recognition-proposals/{id}/scores")
                    .roles(SCORER)
                    .where(SUBTREE)
                    .body(c -> Map.of("scores", List.of(Map.of("criterion", "TK", "points", 1)))),
            api("POST /api/v1/recognition-proposals/{id}/decision")
                    .roles(APPROVER)
                    .where(SUBTREE)
                    .body(c -> Map.of("decision", "DECLINE", "comment", "Chưa đạt")),
            // a proposal outside any ballot round: a scorer who sees it gets past access control (409)
            api("POST /api/v1/recognition-proposals/{id}/ballot")
                    .roles(SCORER)
                    .where(SUBTREE)
                    .body(c -> Map.of("vote", "AGREE")),
            api("GET /api/v1/models/{id}/ladder").roles(ALL).where(SUBTREE),
            page("GET /models/{id}/ladder").roles(ALL).where(SUBTREE),
            page("GET /models/{id}/proposals").roles(ALL).where(SUBTREE),
            page("POST /models/{id}/proposals")
                    .roles(REPORTER, APPRAISER)
                    .where(SUBTREE)
                    .form(c -> Map.of("level", "CENTRAL", "year", "2024")),
            page("POST /proposals/{pid}/decision")
                    .roles(APPROVER)
                    .where(SUBTREE)
                    .form(c -> Map.of("decision", "DECLINE", "comment", "Chưa đạt")),
            page("POST /proposals/{pid}/scores")
                    .roles(SCORER)
                    .where(SUBTREE)
                    .form(c -> Map.of("criterion", "TK", "points", "1")),
            api("POST /api/v1/models/{id}/replication-marks")
                    .roles(APPRAISER, APPROVER)
                    .where(SUBTREE)
                    .body(c -> Map.of("level", "PROVINCE", "year", 2024, "reason", "Nhân rộng")),
            api("GET /api/v1/models/{id}/replication-marks").roles(ALL).where(SUBTREE),
            api("GET /api/v1/models/{id}/replicas").roles(ALL).where(SUBTREE),
            page("GET /models/{id}/replication").roles(ALL).where(SUBTREE),
            page("POST /models/{id}/replication-marks")
                    .roles(APPRAISER, APPROVER)
                    .where(SUBTREE)
                    .form(c -> Map.of("level", "PROVINCE", "year", "2024", "reason", "Nhân rộng")),
            api("GET /api/v1/annual-reviews")
                    .roles(APPRAISER)
                    .where(SUBTREE)
                    .scopeField("unit")
                    .query("unit={unit}&year=2024"),
            api("POST /api/v1/annual-reviews")
                    .roles(APPRAISER)
                    .where(SUBTREE)
                    .scopeField("items[0].modelId")
                    .body(c -> Map.of(
                            "year",
                            2024,
                            "items",
                            List.of(Map.of("modelId", Long.parseLong(c.var("model")), "outcome", "MAINTAIN")))),
            page("GET /reviews/annual")
                    .roles(APPRAISER)
                    .where(SUBTREE)
                    .scopeField("unit")
                    .query("unit={unit}&year=2024"),
            page("POST /reviews/annual")
                    .roles(APPRAISER)
                    .where(SUBTREE)
                    .scopeField("unit")
                    .form(c ->
                            Map.of("unit", c.unit(), "year", "2024", "modelId", c.var("model"), "outcome", "MAINTAIN")),

            // --- campaigns (phát động): organised by approvers and admins covering the unit; read along the path
            api("POST /api/v1/campaigns")
                    .roles(APPROVER, ADMIN)
                    .where(SUBTREE)
                    .scopeField("unitCode")
                    .body(c -> c.f.campaign(c.rel, 2019)),
            api("GET /api/v1/campaigns")
                    .roles(ALL)
                    .where(SUBTREE)
                    .scopeField("unit")
                    .query("unit={unit}"),
            api("GET /api/v1/campaigns/{id}").roles(ALL).where(SUBTREE),
            api("GET /api/v1/campaigns/{id}/consolidation").roles(ALL).where(SUBTREE),
            api("GET /api/v1/campaigns/{id}/consolidation.xlsx").roles(ALL).where(SUBTREE),
            api("PUT /api/v1/campaigns/{id}")
                    .roles(APPROVER, ADMIN)
                    .where(SUBTREE)
                    .body(c -> {
                        Map<String, Object> m = c.f.campaign(c.rel, 2020);
                        m.put("version", 0);
                        return m;
                    }),
            page("GET /campaigns").roles(ALL),
            page("GET /campaigns/new").roles(APPROVER, ADMIN),
            page("GET /campaigns/{id}").roles(ALL).where(SUBTREE),
            page("GET /campaigns/{id}/consolidation.xlsx").roles(ALL).where(SUBTREE),
            page("POST /campaigns")
                    .roles(APPROVER, ADMIN)
                    .where(SUBTREE)
                    .scopeField("unitCode")
                    .form(c -> c.f.campaignForm(c.rel, 2019)),
            page("GET /campaigns/{id}/edit").roles(APPROVER, ADMIN).where(SUBTREE),
            page("POST /campaigns/{id}").roles(APPROVER, ADMIN).where(SUBTREE).form(c -> c.f.campaignForm(c.rel, 2020)),

            // --- criteria sets
            api("GET /api/v1/criteria-sets").roles(ALL),
            api("GET /api/v1/criteria-sets/{id}").roles(ALL).where(SUBTREE),
            api("POST /api/v1/criteria-sets")
                    .roles(ADMIN)
                    .where(SUBTREE)
                    .scopeField("unitCode")
                    .body(c -> c.f.criteriaSet(c.rel, "2030-01-01")),
            api("PUT /api/v1/criteria-sets/{id}")
                    .roles(ADMIN)
                    .where(SUBTREE)
                    .body(c -> c.f.criteriaSet(c.rel, "2024-01-01")),
            api("POST /api/v1/criteria-sets/{id}/copy")
                    .roles(ADMIN, APPROVER)
                    .where(SUBTREE)
                    .body(c -> Map.of("effectiveFrom", "2031-01-01")),
            page("GET /recognition/criteria").roles(ALL),
            page("GET /recognition/criteria/{id}").roles(ALL).where(SUBTREE),
            page("GET /recognition/criteria/new").roles(ADMIN),
            page("GET /recognition/criteria/{id}/edit").roles(ADMIN).where(SUBTREE),
            page("POST /recognition/criteria")
                    .roles(ADMIN)
                    .where(SUBTREE)
                    .scopeField("unitCode")
                    .form(c -> c.f.criteriaForm(c.rel, "2030-01-01")),
            page("POST /recognition/criteria/{id}")
                    .roles(ADMIN)
                    .where(SUBTREE)
                    .form(c -> c.f.criteriaForm(c.rel, "2024-01-01")),
            page("POST /recognition/criteria/{id}/copy")
                    .roles(ADMIN, APPROVER)
                    .where(SUBTREE)
                    .form(c -> Map.of("effectiveFrom", "2031-01-01", "level", c.f.level(c.rel))),

            // --- recognition rounds (own and foreign rounds only: a round belongs to a province here)
            api("POST /api/v1/recognition-rounds")
                    .roles(APPROVER, ADMIN)
                    .where(SUBTREE)
                    .scopeField("unitCode")
                    .body(c -> c.f.round(c.rel, 2023)),
            api("GET /api/v1/recognition-rounds").roles(ALL),
            api("GET /api/v1/recognition-rounds/{id}").roles(ALL).where(SUBTREE),
            api("POST /api/v1/recognition-rounds/{id}/gather")
                    .roles(APPROVER, ADMIN)
                    .where(SUBTREE),
            api("POST /api/v1/recognition-rounds/{id}/members")
                    .roles(APPROVER, ADMIN)
                    .where(SUBTREE)
                    .body(c -> Map.of("usernames", List.of(c.f.username(SCORER)))),
            api("POST /api/v1/recognition-rounds/{id}/assignments")
                    .roles(APPROVER, ADMIN)
                    .where(SUBTREE)
                    .body(c -> Map.of("perProposal", 1)),
            api("GET /api/v1/recognition-rounds/{id}/assignments").roles(ALL).where(SUBTREE),
            api("POST /api/v1/recognition-rounds/{id}/conflicts")
                    .roles(SCORER)
                    .where(SUBTREE)
                    .body(c -> Map.of("proposalId", Long.parseLong(c.var("roundProposal")), "reason", "Người nhà")),
            api("POST /api/v1/recognition-rounds/{id}/reopen")
                    .roles(APPROVER)
                    .where(SUBTREE)
                    .body(c -> Map.of(
                            "proposalId",
                            Long.parseLong(c.var("roundProposal")),
                            "scorer",
                            c.f.username(SCORER),
                            "reason",
                            "Chấm lại")),
            api("GET /api/v1/recognition-rounds/{id}/results").roles(OVERSEERS).where(SUBTREE),
            api("POST /api/v1/recognition-rounds/{id}/decision")
                    .roles(APPROVER)
                    .where(SUBTREE)
                    .body(c -> Map.of("decisionNumber", "1/QĐ", "decisionDate", "2024-12-10", "recognize", List.of())),
            api("GET /api/v1/recognition-rounds/{id}/decision.pdf")
                    .roles(ALL)
                    .where(SUBTREE)
                    .var("id", "decidedRound"),
            // the walk's rounds score: overseers get past access control to a 409
            api("GET /api/v1/recognition-rounds/{id}/ballot-results")
                    .roles(OVERSEERS)
                    .where(SUBTREE),
            api("GET /api/v1/recognition-rounds/{id}/ballot-minutes.pdf")
                    .roles(OVERSEERS)
                    .where(SUBTREE),
            page("GET /recognition/rounds").roles(ALL),
            page("POST /recognition/rounds")
                    .roles(APPROVER, ADMIN)
                    .where(SUBTREE)
                    .scopeField("unitCode")
                    .form(c -> form(c.f.round(c.rel, 2022))),
            page("GET /recognition/rounds/{id}").roles(ALL).where(SUBTREE),
            page("POST /recognition/rounds/{id}/members")
                    .roles(APPROVER, ADMIN)
                    .where(SUBTREE)
                    .form(c -> Map.of("username", c.f.username(SCORER))),
            page("POST /recognition/rounds/{id}/gather").roles(APPROVER, ADMIN).where(SUBTREE),
            page("GET /recognition/rounds/{id}/public-comments").roles(ALL).where(SUBTREE),
            page("POST /recognition/rounds/{id}/public-comment")
                    .roles(APPROVER, ADMIN)
                    .where(SUBTREE)
                    .form(c -> Map.of("opens", "2020-01-06", "closes", "2020-01-10")),
            page("POST /recognition/rounds/{id}/public-comments/{commentId}/hide")
                    .roles(APPRAISER, APPROVER, ADMIN)
                    .where(SUBTREE)
                    .var("commentId", "publicComment")
                    .form(c -> Map.of(
                            "proposalId", c.f.resource("commentProposal", Rel.OWN, null), "reason", "Lời lẽ xúc phạm")),
            page("POST /recognition/rounds/{id}/assignments")
                    .roles(APPROVER, ADMIN)
                    .where(SUBTREE)
                    .form(c -> Map.of("mode", "ALL")),
            page("POST /recognition/rounds/{id}/proposals/{pid}/sheet")
                    .roles(SCORER)
                    .where(SUBTREE)
                    .var("pid", "roundProposal")
                    .form(c -> Map.of("points-TK", "1")),
            page("POST /recognition/rounds/{id}/proposals/{pid}/conflict")
                    .roles(SCORER)
                    .where(SUBTREE)
                    .var("pid", "roundProposal")
                    .form(c -> Map.of("reason", "Người nhà")),
            page("POST /recognition/rounds/{id}/proposals/{pid}/reopen")
                    .roles(APPROVER)
                    .where(SUBTREE)
                    .var("pid", "roundProposal")
                    .form(c -> Map.of("scorer", c.f.username(SCORER), "reason", "Chấm lại")),
            page("POST /recognition/rounds/{id}/decision")
                    .roles(APPROVER)
                    .where(SUBTREE)
                    .form(c -> Map.of("decisionNumber", "1/QĐ", "decisionDate", "2024-12-10")),
            page("GET /recognition/rounds/{id}/decision.pdf")
                    .roles(ALL)
                    .where(SUBTREE)
                    .var("id", "decidedRound"),
            // the member's ballot sheet: only the council's scorer (the round scores, so a vote is answered 400)
            page("GET /recognition/rounds/{id}/ballot").roles(SCORER).where(SUBTREE),
            page("POST /recognition/rounds/{id}/ballot")
                    .roles(SCORER)
                    .where(SUBTREE)
                    .form(c -> Map.of("vote-" + c.var("roundProposal"), "AGREE", "step", "cast")),
            page("GET /recognition/rounds/{id}/ballot-minutes.pdf")
                    .roles(OVERSEERS)
                    .where(SUBTREE),

            // --- inspections
            api("POST /api/v1/inspections")
                    .roles(APPRAISER)
                    .where(SUBTREE)
                    .scopeField("unitCode")
                    .body(c -> c.f.inspectionPlan(c.rel)),
            api("GET /api/v1/inspections").roles(ALL),
            api("GET /api/v1/inspections/{id}").roles(ALL).where(SUBTREE),
            api("POST /api/v1/inspections/{id}/findings")
                    .roles(APPRAISER)
                    .where(SUBTREE)
                    .multipart(c -> new Multipart()
                            .field("modelId", c.var("model"))
                            .field("criterion", "Tính khéo")
                            .field("verdict", "MEETS")
                            .field("notes", "Đạt")),
            api("POST /api/v1/inspections/{id}/follow-ups")
                    .roles(APPRAISER)
                    .where(SUBTREE)
                    .body(c -> Map.of(
                            "modelId", Long.parseLong(c.var("model")), "request", "Bổ sung", "dueOn", "2099-12-31")),
            api("POST /api/v1/follow-ups/{id}/answer")
                    .roles(REPORTER)
                    .where(SUBTREE)
                    .body(c -> Map.of("answer", "Đã bổ sung")),
            api("POST /api/v1/inspections/{id}/conclusion")
                    .roles(APPRAISER)
                    .where(SUBTREE)
                    .body(c -> Map.of("conclusion", "")),
            api("GET /api/v1/inspections/{id}/report.pdf").roles(ALL).where(SUBTREE),
            api("GET /api/v1/inspections/{id}/photos/{photoId}").roles(ALL).where(SUBTREE),
            page("GET /inspections").roles(ALL),
            page("GET /inspections/new").roles(APPRAISER),
            page("POST /inspections")
                    .roles(APPRAISER)
                    .where(SUBTREE)
                    .scopeField("unitCode")
                    .form(c -> Map.of(
                            "unitCode",
                            c.unit(),
                            "plannedOn",
                            "2099-12-05",
                            "purpose",
                            "Kiểm tra",
                            "members",
                            "Lý Thị Hoa",
                            "modelId",
                            c.var("model"))),
            page("GET /inspections/{id}").roles(ALL).where(SUBTREE),
            page("POST /inspections/{id}/findings")
                    .roles(APPRAISER)
                    .where(SUBTREE)
                    .form(c -> Map.of(
                            "modelId", c.var("model"), "criterion", "Tính khéo", "verdict", "MEETS", "notes", "Đạt")),
            page("POST /inspections/{id}/follow-ups")
                    .roles(APPRAISER)
                    .where(SUBTREE)
                    .form(c -> Map.of("modelId", c.var("model"), "request", "Bổ sung", "dueOn", "2099-12-31")),
            page("POST /inspections/{id}/follow-ups/{followUpId}/answer")
                    .roles(REPORTER)
                    .where(SUBTREE)
                    .form(c -> Map.of("answer", "Đã bổ sung")),
            page("POST /inspections/{id}/conclusion")
                    .roles(APPRAISER)
                    .where(SUBTREE)
                    .form(c -> Map.of("conclusion", "")),
            page("GET /inspections/{id}/report.pdf").roles(ALL).where(SUBTREE),
            page("GET /inspections/{id}/photos/{photoId}").roles(ALL).where(SUBTREE),

            // --- commendations
            api("POST /api/v1/commendations")
                    .roles(APPROVER)
                    .where(SUBTREE)
                    .scopeField("issuerUnitCode")
                    .body(c -> c.f.commendation(c.rel)),
            api("GET /api/v1/commendations").roles(ALL),
            api("GET /api/v1/commendations/{id}").roles(ALL).where(SUBTREE),
            api("GET /api/v1/commendations/{id}/certificate.pdf").roles(ALL).where(SUBTREE),
            api("GET /api/v1/models/{id}/commendations").roles(ALL).where(SUBTREE),
            page("GET /commendations")
                    .roles(ALL)
                    .where(SUBTREE)
                    .scopeField("unit")
                    .query("unit={unit}"),
            page("GET /commendations/new").roles(APPROVER),
            page("POST /commendations")
                    .roles(APPROVER)
                    .where(SUBTREE)
                    .scopeField("issuerUnitCode")
                    .form(c -> form(c.f.commendation(c.rel))),
            page("GET /commendations/{id}/certificate.pdf").roles(ALL).where(SUBTREE),
            page("GET /models/{id}/commendations").roles(ALL).where(SUBTREE),

            // --- statistics, exports, reports, jobs
            api("GET /api/v1/statistics")
                    .roles(ALL)
                    .where(SUBTREE)
                    .scopeField("unit")
                    .query("unit={unit}&year=2024"),
            api("GET /api/v1/statistics.xlsx")
                    .roles(ALL)
                    .where(SUBTREE)
                    .scopeField("unit")
                    .query("unit={unit}&year=2024"),
            api("GET /api/v1/models.xlsx")
                    .roles(ALL)
                    .where(SUBTREE)
                    .scopeField("unit")
                    .query("unit={unit}"),
            api("GET /api/v1/reports/annual")
                    .roles(ALL)
                    .where(SUBTREE)
                    .scopeField("unit")
                    .query("unit={unit}&year=2024"),
            page("GET /statistics").roles(ALL).where(SUBTREE).scopeField("unit").query("unit={unit}&year=2024"),
            page("GET /statistics/data")
                    .roles(ALL)
                    .where(SUBTREE)
                    .scopeField("unit")
                    .query("unit={unit}&year=2024"),
            page("GET /statistics/export.xlsx")
                    .roles(ALL)
                    .where(SUBTREE)
                    .scopeField("unit")
                    .query("unit={unit}&year=2024"),
            page("GET /reports/annual")
                    .roles(ALL)
                    .where(SUBTREE)
                    .scopeField("unit")
                    .query("unit={unit}&year=2024"),
            page("POST /reports/annual")
                    .roles(APPRAISER, APPROVER)
                    .where(SUBTREE)
                    .scopeField("unit")
                    .form(c -> Map.of("unit", c.unit(), "year", "2024")),
            page("GET /reports/annual/file")
                    .roles(ALL)
                    .where(SUBTREE)
                    .scopeField("unit")
                    .query("unit={unit}&year=2024&format=docx"),
            page("POST /statistics/jobs")
                    .roles(ALL)
                    .where(SUBTREE)
                    .scopeField("unit")
                    .form(c -> Map.of("kind", "STATISTICS", "unit", c.unit(), "year", "2024")),
            page("GET /statistics/jobs").roles(ALL),
            page("GET /statistics/jobs/{id}").roles(ALL).where(OWN_ONLY),
            page("GET /statistics/jobs/{id}/progress").roles(ALL).where(OWN_ONLY),
            page("GET /statistics/jobs/{id}/file").roles(ALL).where(OWN_ONLY),

            // --- signed documents: a unit's certificate (ADMIN covering the unit; P and C have one, so reading it
            // answers 200; a removal gets a fresh unit with a certificate), the check of a PDF (anyone signed in)
            api("POST /api/v1/units/{code}/signing-certificate")
                    .roles(ADMIN)
                    .where(SUBTREE)
                    .multipart(c -> new Multipart()
                            .file("file", "khoa.p12", Multipart.pdf())
                            .field("password", "x")),
            api("GET /api/v1/units/{code}/signing-certificate").roles(ADMIN).where(SUBTREE),
            api("DELETE /api/v1/units/{code}/signing-certificate")
                    .roles(ADMIN)
                    .where(SUBTREE)
                    .fresh("code", Fx::freshSignedUnit),
            api("POST /api/v1/documents/verify")
                    .roles(ALL)
                    .multipart(c -> new Multipart().file("file", "van-ban.pdf", Multipart.pdf())),
            page("GET /admin/signing").roles(ADMIN).where(SUBTREE).query("unit={unit}"),
            page("POST /admin/signing")
                    .roles(ADMIN)
                    .where(SUBTREE)
                    .form(c -> Map.of("unit", c.unit(), "password", "x")),
            page("POST /admin/signing/remove")
                    .roles(ADMIN)
                    .where(SUBTREE)
                    .form(c -> Map.of("unit", c.f.freshSignedUnit(c.rel))),
            page("GET /documents/verify").roles(ALL),
            page("POST /documents/verify").roles(ALL).form(c -> Map.of()),

            // --- imports (a preview of one draft of the caller's own unit: nothing is written)
            api("GET /api/v1/imports/templates/{kind}.xlsx").roles(ALL).fresh("kind", (f, rel) -> "models"),
            api("POST /api/v1/imports/{kind}")
                    .roles(REPORTER, APPRAISER, ADMIN)
                    .fresh("kind", (f, rel) -> "models")
                    .query("dryRun=true")
                    .multipart(c -> new Multipart()
                            .file("file", "mo-hinh.xlsx", vn.dvk.imports.ImportFixtures.oneDraft(c.unit()))),
            page("GET /imports").roles(REPORTER, APPRAISER, ADMIN),
            page("GET /imports/template").roles(ALL).query("kind=models"),
            // a page's form without a file: the message beside the file field (nothing is read, nothing written)
            page("POST /imports/preview").roles(REPORTER, APPRAISER, ADMIN).form(c -> Map.of("kind", "models")),
            page("POST /imports/run").roles(REPORTER, APPRAISER, ADMIN).form(c -> Map.of("kind", "models")));

    @SafeVarargs
    private static Set<Role> NOBODY(Role... none) {
        return EnumSet.noneOf(Role.class);
    }

    // ------------------------------------------------------------------------------------------------------------

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    @Autowired
    JdbcTemplate jdbc;

    private Fx fx;

    /** Every mapping of the application (controllers and OpenAPI) has exactly one rule, and every rule a mapping. */
    @Test
    void everyMappingHasARule() {
        Set<String> mapped = appMappings();
        Set<String> documented = openApiEndpoints();
        Set<String> ruled = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (Rule r : RULES) {
            if (!ruled.add(r.key())) {
                problems.add("two rules for " + r.key());
            }
        }
        for (String m : new TreeSet<>(mapped)) {
            if (!ruled.contains(m)) {
                problems.add("new endpoint without an access rule: " + m);
            }
        }
        for (String d : documented) {
            if (!mapped.contains(d)) {
                problems.add("OpenAPI documents an endpoint that is not mapped: " + d);
            }
        }
        for (String r : ruled) {
            if (!mapped.contains(r)) {
                problems.add("stale access rule (no such mapping): " + r);
            }
        }
        assertThat(problems).as("access rule table vs. mappings").isEmpty();
        assertThat(documented).as("OpenAPI endpoints").isNotEmpty();
    }

    /** The walk: every rule × every role and anonymous × own / child / foreign unit. */
    @TestFactory
    Stream<DynamicNode> matrix() {
        Set<String> mapped = appMappings();
        fx = new Fx(api());
        fx.notices(jdbc);
        List<DynamicNode> nodes = new ArrayList<>();
        for (Rule rule : RULES) {
            if (!mapped.contains(rule.key())) {
                continue; // reported by everyMappingHasARule
            }
            List<DynamicNode> cells = new ArrayList<>();
            cells.add(DynamicTest.dynamicTest("anonymous", () -> cell(rule, null, null)));
            for (Role role : Role.values()) {
                if (rule.scoped()) {
                    for (Rel rel : Rel.values()) {
                        if (!fx.has(rule, rel)) {
                            continue; // no such resource for this relation (rounds are provincial: no child round)
                        }
                        cells.add(DynamicTest.dynamicTest(
                                role + " × " + rel.name().toLowerCase() + " unit", () -> cell(rule, role, rel)));
                    }
                } else {
                    cells.add(DynamicTest.dynamicTest(role + " × any unit", () -> cell(rule, role, null)));
                }
            }
            nodes.add(DynamicContainer.dynamicContainer(rule.key(), cells));
        }
        return nodes.stream();
    }

    private void cell(Rule rule, Role role, Rel rel) {
        boolean expected = role == null
                ? rule.anonymous
                : rule.roles.contains(role) && (!rule.scoped() || rule.rels.contains(rel));
        Ctx c = new Ctx(fx, role, rel == null ? Rel.OWN : rel, rule);
        Outcome o = rule.page ? fx.sendPage(rule, c) : fx.sendApi(rule, c);
        assertThat(o.status)
                .as("%s as %s on %s: server error %s", rule.key(), who(role), rel, o.detail)
                .isLessThan(500);
        assertThat(!o.refused)
                .as(
                        "%s as %s on %s unit: expected %s but got %s %s",
                        rule.key(),
                        who(role),
                        rel == null ? "any" : rel.name().toLowerCase(),
                        expected ? "allowed" : "refused",
                        o.status,
                        o.detail)
                .isEqualTo(expected);
    }

    private static String who(Role role) {
        return role == null ? "anonymous" : role.name();
    }

    // ------------------------------------------------------------------------------------------------------------
    // Enumeration

    private Set<String> appMappings() {
        Set<String> out = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e :
                handlerMapping.getHandlerMethods().entrySet()) {
            if (!e.getValue().getBeanType().getName().startsWith("vn.dvk.")) {
                continue;
            }
            RequestMappingInfo info = e.getKey();
            Set<String> patterns = info.getPathPatternsCondition() != null
                    ? info.getPathPatternsCondition().getPatternValues()
                    : info.getPatternValues();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String p : patterns) {
                if (methods.isEmpty()) {
                    out.add("GET " + p); // a mapping for every method: GET stands for it
                } else {
                    methods.forEach(m -> out.add(m.name() + " " + p));
                }
            }
        }
        return out;
    }

    private Set<String> openApiEndpoints() {
        JsonNode doc = api().get("/v3/api-docs", null).json();
        Set<String> out = new TreeSet<>();
        doc.get("paths")
                .properties()
                .forEach(p -> p.getValue()
                        .properties()
                        .forEach(m -> out.add(m.getKey().toUpperCase() + " " + p.getKey())));
        return out;
    }

    // ------------------------------------------------------------------------------------------------------------
    // The rule type

    static Rule api(String key) {
        return new Rule(key, false);
    }

    static Rule page(String key) {
        return new Rule(key, true);
    }

    /** One line of the table. */
    static final class Rule {
        final String method;
        final String path;
        final boolean page;
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Set<Rel> rels = null;
        boolean anonymous;
        String query;
        String scopeField;
        Function<Ctx, Object> body;
        Function<Ctx, Map<String, String>> form;
        Function<Ctx, Multipart> multipart;
        boolean freshToken;
        final Map<String, String> vars = new HashMap<>();
        final Map<String, BiFunction<Fx, Rel, String>> fresh = new HashMap<>();

        Rule(String key, boolean page) {
            String[] parts = key.split(" ", 2);
            this.method = parts[0];
            this.path = parts[1];
            this.page = page;
        }

        String key() {
            return method + " " + path;
        }

        boolean scoped() {
            return rels != null;
        }

        Rule anyone() {
            this.anonymous = true;
            this.roles = ALL;
            return this;
        }

        Rule roles(Role... rs) {
            this.roles = rs.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(List.of(rs));
            return this;
        }

        Rule roles(Set<Role> rs) {
            this.roles = rs;
            return this;
        }

        Rule where(Set<Rel> rs) {
            this.rels = rs;
            return this;
        }

        Rule query(String q) {
            this.query = q;
            return this;
        }

        Rule scopeField(String f) {
            this.scopeField = f;
            return this;
        }

        Rule body(Function<Ctx, Object> b) {
            this.body = b;
            return this;
        }

        Rule form(Function<Ctx, Map<String, String>> f) {
            this.form = f;
            return this;
        }

        Rule multipart(Function<Ctx, Multipart> m) {
            this.multipart = m;
            return this;
        }

        Rule freshToken() {
            this.freshToken = true;
            return this;
        }

        Rule var(String name, String fixtureKey) {
            vars.put(name, fixtureKey);
            return this;
        }

        Rule fresh(String name, BiFunction<Fx, Rel, String> maker) {
            fresh.put(name, maker);
            return this;
        }
    }

    /** A cell being sent: who, where. */
    static final class Ctx {
        final Fx f;
        final Role role;
        final Rel rel;
        final Rule rule;

        Ctx(Fx f, Role role, Rel rel, Rule rule) {
            this.f = f;
            this.role = role;
            this.rel = rel;
            this.rule = rule;
        }

        String unit() {
            return f.unit(rel);
        }

        String var(String key) {
            return f.resource(key, rel, role);
        }
    }

    record Outcome(int status, boolean refused, String detail) {}

    static Map<String, Object> registration(String unit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", "Mô hình kiểm tra quyền");
        m.put("field", "ECONOMY");
        m.put("unitCode", unit);
        m.put("level", "PROVINCE");
        m.put("year", 2024);
        m.put("holderType", "COLLECTIVE");
        m.put("holderName", "Hội Nông dân");
        m.put("origin", "NEW");
        m.put("summary", "Vận động Nhân dân cùng làm.");
        return m;
    }

    static Map<String, String> form(Map<String, Object> body) {
        Map<String, String> m = new LinkedHashMap<>();
        body.forEach((k, v) -> {
            if (v != null && !(v instanceof List)) {
                m.put(k, String.valueOf(v));
            }
        });
        return m;
    }

    // ------------------------------------------------------------------------------------------------------------
    // The world

    /** The fixture: units, users, resources per relation, and the senders. */
    static final class Fx {
        /** The message of a unit outside the caller's subtree ({@code unit.notFound}), as pages show it. */
        private static final String UNIT_NOT_FOUND = "Không tìm thấy đơn vị.";

        private static final Pattern VAR = Pattern.compile("\\{([A-Za-z]+)}");
        private static final Pattern SECTION = Pattern.compile("([a-z-]+)/\\{[A-Za-z]+}$");

        final Api api;
        final String admin;
        final String p;
        final String c;
        final String q;
        final String fc;
        final String signInUser;
        private final Map<Role, String> usernames = new EnumMap<>(Role.class);
        private final Map<Role, String> tokens = new EnumMap<>(Role.class);
        private final Map<Role, WebSession> sessions = new EnumMap<>(Role.class);
        private final Map<String, String> helperTokens = new HashMap<>();
        private final Map<String, String> helperUsernames = new HashMap<>();
        private final Map<String, Map<Rel, String>> resources = new HashMap<>();
        private final Map<Role, String> ownJobs = new EnumMap<>(Role.class);
        private final Map<Role, String> ownNotices = new EnumMap<>(Role.class);
        private final HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

        Fx(Api api) {
            this.api = api;
            this.admin = api.token("admin", ADMIN_PASSWORD);
            String tag = Api.unique("AX");
            p = unit(tag + "P", "Tỉnh " + tag, "PROVINCE", "AREA", "TW");
            c = unit(tag + "C", "Xã " + tag, "COMMUNE", "AREA", p);
            q = unit(tag + "Q", "Tỉnh ngoài " + tag, "PROVINCE", "AREA", "TW");
            fc = unit(tag + "FC", "Xã ngoài " + tag, "COMMUNE", "AREA", q);
            for (Role r : Role.values()) {
                usernames.put(r, user(p, r.name()));
            }
            signInUser = user(p, "VIEWER");
            for (String key : List.of("reporterQ", "appraiserQ", "approverQ", "adminQ", "scorerQ")) {
                String name = user(q, key.replace("Q", "").toUpperCase());
                helperUsernames.put(key, name);
                helperTokens.put(key, api.token(name, PASSWORD));
            }
            helperTokens.put("adminC", api.token(user(c, "ADMIN"), PASSWORD));
            for (Role r : Role.values()) {
                tokens.put(r, api.token(usernames.get(r), PASSWORD));
                WebSession s = WebSession.signedIn(api.base(), usernames.get(r), PASSWORD);
                s.get("/");
                sessions.put(r, s);
            }
            for (Rel rel : Rel.values()) {
                build(rel);
            }
            rounds(Rel.OWN);
            rounds(Rel.FOREIGN);
            jobs();
            for (String u : List.of(p, c, fc)) {
                signingCertificate(u);
            }
        }

        /** Uploads a throw-away signing certificate for the unit, as the central administrator. */
        private void signingCertificate(String unit) {
            check(
                    new Multipart()
                            .file(
                                    "file",
                                    "khoa.p12",
                                    vn.dvk.signing.TestCertificates.rsa("Ký " + unit)
                                            .p12())
                            .field("password", vn.dvk.signing.TestCertificates.PASSWORD)
                            .post(api, "/api/v1/units/" + unit + "/signing-certificate", admin),
                    "certificate of " + unit);
        }

        /** A new unit under the relation's unit, with a signing certificate: to be removed by one cell. */
        String freshSignedUnit(Rel rel) {
            String scratch = unit(Api.unique("AXK"), "Đơn vị có chứng thư", "COMMUNE", "FRONT", unit(rel));
            signingCertificate(scratch);
            return scratch;
        }

        String unit(Rel rel) {
            return switch (rel) {
                case OWN -> p;
                case CHILD -> c;
                case FOREIGN -> fc;
            };
        }

        String level(Rel rel) {
            return rel == Rel.CHILD ? "COMMUNE" : "PROVINCE";
        }

        /** The province that owns province-wide things (criteria sets, rounds) of a relation. */
        String province(Rel rel) {
            return rel == Rel.FOREIGN ? q : p;
        }

        String username(Role role) {
            return usernames.get(role);
        }

        private String token(Rel rel, Role role) {
            if (rel == Rel.FOREIGN) {
                return helperTokens.get(role.name().toLowerCase() + "Q");
            }
            return tokens.get(role);
        }

        private void put(String key, Rel rel, Object value) {
            resources.computeIfAbsent(key, k -> new EnumMap<>(Rel.class)).put(rel, String.valueOf(value));
        }

        String resource(String key, Rel rel, Role role) {
            if (key.equals("job")) {
                return rel == Rel.OWN
                        ? ownJobs.get(role == null ? ADMIN : role)
                        : resources.get("job").get(rel);
            }
            if (key.equals("notice")) {
                return rel == Rel.OWN
                        ? ownNotices.get(role == null ? ADMIN : role)
                        : resources.get("notice").get(rel);
            }
            if (key.equals("unit")) {
                return unit(rel);
            }
            Map<Rel, String> m = resources.get(key);
            if (m == null || m.get(rel) == null) {
                throw new AssertionError("no fixture " + key + " for " + rel);
            }
            return m.get(rel);
        }

        private String unit(String code, String name, String level, String kind, String parent) {
            Api.Res r = api.post(
                    "/api/v1/units",
                    Map.of("code", code, "name", name, "level", level, "kind", kind, "parentCode", parent),
                    admin);
            check(r, "unit " + code);
            return code;
        }

        private String user(String unit, String role) {
            String username = Api.unique("ax" + role.toLowerCase());
            check(
                    api.post(
                            "/api/v1/users",
                            Map.of(
                                    "username",
                                    username,
                                    "password",
                                    PASSWORD,
                                    "fullName",
                                    "Người dùng " + role,
                                    "unitCode",
                                    unit,
                                    "roles",
                                    List.of(role)),
                            admin),
                    "user " + username);
            return username;
        }

        String freshScheduledReorganization(Rel rel) {
            String scratch = unit(Api.unique("AXS"), "Đơn vị tạm", "COMMUNE", "FRONT", unit(rel));
            Api.Res r = api.post(
                    "/api/v1/reorganizations",
                    Map.of(
                            "type",
                            "RENAME",
                            "effectiveDate",
                            LocalDate.now(vn.dvk.shared.Fmt.ZONE).plusDays(30).toString(),
                            "from",
                            List.of(scratch),
                            "to",
                            List.of(Map.of("code", scratch, "name", "Tên mới"))),
                    admin);
            check(r, "scheduled reorganization of " + scratch);
            return r.json().get("reorganizationId").asString();
        }

        String freshUser(Rel rel) {
            String username = Api.unique("axdisable");
            Api.Res r = api.post(
                    "/api/v1/users",
                    Map.of(
                            "username",
                            username,
                            "password",
                            PASSWORD,
                            "fullName",
                            "Người sẽ bị khóa",
                            "unitCode",
                            unit(rel),
                            "roles",
                            List.of("VIEWER")),
                    admin);
            check(r, "user " + username);
            return r.json().get("id").asString();
        }

        private void build(Rel rel) {
            String u = unit(rel);
            String reporter = token(rel, REPORTER);
            String appraiser = token(rel, APPRAISER);
            String approver = token(rel, APPROVER);
            String adminOf = rel == Rel.FOREIGN ? helperTokens.get("adminQ") : tokens.get(ADMIN);

            long model = accepted(reporter, appraiser, u);
            put("model", rel, model);
            Api.Res report = api.post(
                    "/api/v1/models/" + model + "/progress-reports",
                    Map.of("asOf", "2024-06-30", "indicators", List.of(), "narrative", "Sáu tháng"),
                    reporter);
            check(report, "report");
            put("report", rel, report.json().get("id").asLong());
            Api.Res ev = new Multipart()
                    .file("file", "bien-ban.pdf", Multipart.pdf())
                    .post(
                            api,
                            "/api/v1/models/" + model + "/progress-reports/"
                                    + report.json().get("id").asLong() + "/evidence",
                            reporter);
            check(ev, "evidence");
            put("evidence", rel, firstId(ev.json(), "evidence"));
            if (rel == Rel.OWN) {
                // a recognized model (public) with a photo its unit shows in public
                long shown = accepted(reporter, appraiser, u);
                Api.Res pp = api.post(
                        "/api/v1/models/" + shown + "/recognition-proposals",
                        Map.of("level", "PROVINCE", "year", 2025),
                        reporter);
                check(pp, "public proposal");
                check(
                        api.post(
                                "/api/v1/recognition-proposals/"
                                        + pp.json().get("id").asLong() + "/decision",
                                Map.of(
                                        "decision",
                                        "RECOGNIZE",
                                        "decisionNumber",
                                        "7-QĐ/BCĐ",
                                        "decisionDate",
                                        "2023-12-01"),
                                approver),
                        "public decision");
                put("publicModel", rel, shown);
                Api.Res pr = api.post(
                        "/api/v1/models/" + shown + "/progress-reports",
                        Map.of("asOf", "2024-06-30", "indicators", List.of(), "narrative", "Sáu tháng"),
                        reporter);
                check(pr, "public report");
                Api.Res photo = new Multipart()
                        .file("file", "anh.png", Multipart.png())
                        .post(
                                api,
                                "/api/v1/models/" + shown + "/progress-reports/"
                                        + pr.json().get("id").asLong() + "/evidence?public=true",
                                reporter);
                check(photo, "public photo");
                put("publicPhoto", rel, firstId(photo.json(), "evidence"));
            }

            // a pending proposal outside any round (2025), and one that the province's 2024 round gathers
            long proposed = accepted(reporter, appraiser, u);
            Api.Res prop = api.post(
                    "/api/v1/models/" + proposed + "/recognition-proposals",
                    Map.of("level", "PROVINCE", "year", 2025),
                    reporter);
            check(prop, "proposal");
            put("proposal", rel, prop.json().get("id").asLong());
            long inRound = accepted(reporter, appraiser, u);
            Api.Res roundProp = api.post(
                    "/api/v1/models/" + inRound + "/recognition-proposals",
                    Map.of("level", "PROVINCE", "year", 2024),
                    reporter);
            check(roundProp, "proposal");
            put("roundProposal", rel, roundProp.json().get("id").asLong());

            // criteria set of the relation's unit (province sets for P and Q, a commune set for C)
            Api.Res set = api.post(
                    "/api/v1/criteria-sets",
                    criteriaSet(rel, "2024-01-01"),
                    rel == Rel.CHILD ? tokens.get(ADMIN) : adminOf);
            check(set, "criteria set");
            put("criteria", rel, set.json().get("id").asLong());

            // indicator owned by the relation's unit
            String code = Api.unique("AX_IND_");
            check(
                    api.post(
                            "/api/v1/indicators",
                            Map.of("code", code, "name", "Chỉ tiêu " + code, "measure", "hộ", "kind", "COUNT"),
                            rel == Rel.CHILD ? helperTokens.get("adminC") : adminOf),
                    "indicator");
            put("indicator", rel, code);

            // inspection with a finding, a photo and a follow-up
            Api.Res plan = api.post("/api/v1/inspections", inspectionPlan(rel), appraiser);
            check(plan, "inspection");
            long inspection = plan.json().get("id").asLong();
            put("inspection", rel, inspection);
            Api.Res finding = new Multipart()
                    .field("modelId", String.valueOf(model))
                    .field("criterion", "Tính khéo")
                    .field("verdict", "MEETS")
                    .field("notes", "Đạt")
                    .file("photos", "anh.png", Multipart.png())
                    .post(api, "/api/v1/inspections/" + inspection + "/findings", appraiser);
            check(finding, "finding");
            String url = finding.json().get("photos").get(0).get("url").asString();
            put("photo", rel, url.substring(url.lastIndexOf('/') + 1));
            Api.Res fu = api.post(
                    "/api/v1/inspections/" + inspection + "/follow-ups",
                    Map.of("modelId", model, "request", "Bổ sung sổ theo dõi", "dueOn", "2099-12-31"),
                    appraiser);
            check(fu, "follow-up");
            put("followUp", rel, fu.json().get("id").asLong());

            // campaign of the relation's unit
            Api.Res campaign = api.post("/api/v1/campaigns", campaign(rel, 2020), approver);
            check(campaign, "campaign");
            put("campaign", rel, campaign.json().get("id").asLong());

            // commendation
            Api.Res com = api.post("/api/v1/commendations", commendation(rel), approver);
            check(com, "commendation");
            put("commendation", rel, com.json().get("id").asLong());

            put("user", rel, freshUser(rel));
        }

        /** A round of the province with the 2024 proposals gathered (own and foreign: rounds are provincial). */
        private void rounds(Rel rel) {
            String approver = token(rel, APPROVER);
            {
                Api.Res round = api.post("/api/v1/recognition-rounds", round(rel, 2024), approver);
                check(round, "round");
                long id = round.json().get("id").asLong();
                put("round", rel, id);
                api.post("/api/v1/recognition-rounds/" + id + "/gather", null, approver);
                String scorer = rel == Rel.FOREIGN ? helperUsernames.get("scorerQ") : usernames.get(SCORER);
                check(
                        api.post(
                                "/api/v1/recognition-rounds/" + id + "/members",
                                Map.of("usernames", List.of(scorer)),
                                approver),
                        "members");
                check(api.post("/api/v1/recognition-rounds/" + id + "/assignments", Map.of(), approver), "assignments");
                // and a decided round (2021, nothing to recognize, decided to have its decision PDF)
                Api.Res decided = api.post("/api/v1/recognition-rounds", round(rel, 2021), approver);
                check(decided, "round 2021");
                long did = decided.json().get("id").asLong();
                check(
                        api.post(
                                "/api/v1/recognition-rounds/" + did + "/decision",
                                Map.of(
                                        "decisionNumber",
                                        "9/QĐ",
                                        "decisionDate",
                                        "2021-12-10",
                                        "recognize",
                                        List.of(),
                                        "declineOthers",
                                        true),
                                approver),
                        "round decision");
                put("decidedRound", rel, did);
                if (rel == Rel.OWN) {
                    // a comment on a nominee of the round, sent while its window was open; then the window is moved
                    // to the past so that it holds back no decision of the walk
                    check(
                            api.post("/api/v1/recognition-rounds/" + id + "/public-comment", Map.of(), approver),
                            "public comment window");
                    String pid = resources.get("roundProposal").get(Rel.OWN);
                    check(
                            api.from("10.99.0.1")
                                    .post(
                                            "/api/v1/public/nominations/" + pid + "/comments",
                                            Map.of("text", "Ý kiến của người dân"),
                                            null),
                            "public comment");
                    Api.Res list = api.get("/api/v1/recognition-proposals/" + pid + "/public-comments", approver);
                    check(list, "public comments");
                    put("commentProposal", rel, pid);
                    put("publicComment", rel, firstId(list.json(), "comments"));
                    check(
                            api.post(
                                    "/api/v1/recognition-rounds/" + id + "/public-comment",
                                    Map.of("opens", "2020-01-06", "closes", "2020-01-10"),
                                    approver),
                            "public comment window moved");
                }
            }
            if (rel == Rel.OWN) {
                // the province's scorer is recused from its own unit's models: the own round's proposal to score
                // is the child's (it sits in the own round)
                resources
                        .get("roundProposal")
                        .put(Rel.OWN, resources.get("roundProposal").get(Rel.CHILD));
            }
        }

        /** A notice of each role's user (its own), and of users of the child and of the foreign unit. */
        void notices(JdbcTemplate jdbc) {
            for (Role r : Role.values()) {
                ownNotices.put(r, notice(jdbc, usernames.get(r)));
            }
            put("notice", Rel.OWN, ownNotices.get(ADMIN));
            put("notice", Rel.CHILD, notice(jdbc, user(c, "VIEWER")));
            put("notice", Rel.FOREIGN, notice(jdbc, user(q, "VIEWER")));
        }

        private static String notice(JdbcTemplate jdbc, String username) {
            jdbc.update(
                    "insert into notice_notice (user_id, kind, subject, created_at) select id, 'IMPORT_FINISHED',"
                            + " 'mo-hinh.xlsx', current_timestamp from account_user where username = ?",
                    username);
            return String.valueOf(jdbc.queryForObject(
                    "select max(n.id) from notice_notice n join account_user u"
                            + " on u.id = n.user_id where u.username = ?",
                    Long.class,
                    username));
        }

        private void jobs() {
            for (Role r : Role.values()) {
                ownJobs.put(r, startJob(sessions.get(r), p));
            }
            WebSession childViewer = WebSession.signedIn(api.base(), user(c, "VIEWER"), PASSWORD);
            childViewer.get("/");
            put("job", Rel.CHILD, startJob(childViewer, c));
            WebSession foreignViewer = WebSession.signedIn(api.base(), user(q, "VIEWER"), PASSWORD);
            foreignViewer.get("/");
            put("job", Rel.FOREIGN, startJob(foreignViewer, fc));
        }

        private String startJob(WebSession s, String unit) {
            s.get("/statistics/jobs");
            WebSession.Page started =
                    s.post("/statistics/jobs", Map.of("kind", "STATISTICS", "unit", unit, "year", "2024"));
            if (started.status() != 302 || started.location() == null) {
                throw new AssertionError("job: " + started.status() + " " + started.body());
            }
            String id = started.location().substring(started.location().lastIndexOf('/') + 1);
            for (int i = 0;
                    i < 100
                            && !s.get("/statistics/jobs/" + id + "/progress")
                                    .body()
                                    .contains("/file");
                    i++) {
                sleep(100);
            }
            return id;
        }

        private long accepted(String reporter, String appraiser, String unit) {
            Api.Res r = api.post("/api/v1/models", registration(unit), reporter);
            check(r, "model");
            long id = r.json().get("id").asLong();
            check(api.post("/api/v1/models/" + id + "/submit", null, reporter), "submit");
            check(
                    api.post("/api/v1/models/" + id + "/appraisal", Map.of("decision", "ACCEPT"), appraiser),
                    "appraisal");
            return id;
        }

        Map<String, Object> campaign(Rel rel, int year) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("unitCode", unit(rel));
            m.put("year", year);
            m.put("title", "Phát động năm " + year);
            m.put("registrationOpens", year + "-03-01");
            m.put("registrationCloses", year + "-04-30");
            m.put("levels", List.of("COMMUNE"));
            return m;
        }

        Map<String, String> campaignForm(Rel rel, int year) {
            Map<String, String> m = form(campaign(rel, year));
            m.put("levels", "COMMUNE");
            m.put("version", "0");
            return m;
        }

        Map<String, Object> criteriaSet(Rel rel, String from) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("unitCode", rel == Rel.CHILD ? c : province(rel));
            m.put("level", level(rel));
            m.put("name", "Bộ tiêu chí");
            m.put("documentNumber", "08-HD/BCĐ");
            m.put("documentDate", "2024-03-01");
            m.put("documentTitle", "Hướng dẫn xét công nhận");
            m.put("effectiveFrom", from);
            m.put("passThreshold", 70);
            m.put("commentBelowRatio", 0.5);
            m.put(
                    "criteria",
                    List.of(
                            Map.of("code", "TK", "description", "Tính khéo", "maxPoints", 50),
                            Map.of("code", "HQ", "description", "Tính hiệu quả", "maxPoints", 50)));
            return m;
        }

        Map<String, String> criteriaForm(Rel rel, String from) {
            Map<String, String> m = form(criteriaSet(rel, from));
            m.put("rows", "2");
            m.put("code0", "TK");
            m.put("description0", "Tính khéo");
            m.put("maxPoints0", "50");
            m.put("code1", "HQ");
            m.put("description1", "Tính hiệu quả");
            m.put("maxPoints1", "50");
            return m;
        }

        Map<String, Object> round(Rel rel, int year) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("unitCode", rel == Rel.CHILD ? c : province(rel));
            m.put("level", level(rel));
            m.put("year", year);
            m.put("opensOn", LocalDate.now().minusDays(1).toString());
            m.put("closesOn", LocalDate.now().plusDays(30).toString());
            m.put("issuerBody", "Ban Chỉ đạo");
            m.put("parentBody", "Tỉnh ủy");
            return m;
        }

        Map<String, Object> inspectionPlan(Rel rel) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("unitCode", unit(rel));
            m.put("plannedOn", "2099-12-05");
            m.put("purpose", "Kiểm tra việc duy trì mô hình");
            m.put("members", List.of("Lý Thị Hoa"));
            m.put("modelIds", List.of(Long.parseLong(resources.get("model").get(rel))));
            return m;
        }

        Map<String, Object> commendation(Rel rel) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("form", "GIAY_KHEN");
            m.put("recipientType", "COLLECTIVE");
            m.put("recipientName", "Hội Nông dân");
            m.put("unitCode", unit(rel));
            m.put("issuerUnitCode", unit(rel));
            m.put("decisionNumber", "12/QĐ");
            m.put("decisionDate", "2024-12-10");
            return m;
        }

        /** A new unit under the relation's unit, renamed by the request (so that each cell has its own). */
        Map<String, Object> renameOfScratch(Rel rel) {
            String scratch = unit(Api.unique("AXS"), "Đơn vị tạm", "COMMUNE", "FRONT", unit(rel));
            return Map.of(
                    "type",
                    "RENAME",
                    "effectiveDate",
                    "2025-07-01",
                    "from",
                    List.of(scratch),
                    "to",
                    List.of(Map.of(
                            "code",
                            Api.unique("AXR"),
                            "name",
                            "Tên mới",
                            "level",
                            "COMMUNE",
                            "kind",
                            "FRONT",
                            "parentCode",
                            unit(rel))));
        }

        Map<String, String> renameForm(Rel rel) {
            String scratch = unit(Api.unique("AXS"), "Đơn vị tạm", "COMMUNE", "FRONT", unit(rel));
            Map<String, String> m = new LinkedHashMap<>();
            m.put("type", "RENAME");
            m.put("effectiveDate", "2025-07-01");
            m.put("from", scratch);
            m.put("to", Api.unique("AXR") + "|Tên mới|COMMUNE|FRONT|" + unit(rel));
            return m;
        }

        // --- sending

        /** Whether every path variable of the rule can be filled for the relation. */
        boolean has(Rule rule, Rel rel) {
            Matcher m = VAR.matcher(rule.path);
            while (m.find()) {
                String name = m.group(1);
                String key = rule.fresh.containsKey(name)
                        ? null
                        : rule.vars.containsKey(name) ? rule.vars.get(name) : kindOf(rule.path.substring(0, m.end()));
                if (key != null
                        && !key.equals("job")
                        && !key.equals("unit")
                        && (resources.get(key) == null || resources.get(key).get(rel) == null)) {
                    return false;
                }
            }
            return true;
        }

        String path(Rule rule, Ctx c) {
            Matcher m = VAR.matcher(rule.path);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String name = m.group(1);
                String value;
                if (rule.fresh.containsKey(name)) {
                    value = rule.fresh.get(name).apply(this, c.rel);
                } else if (rule.vars.containsKey(name)) {
                    value = resource(rule.vars.get(name), c.rel, c.role);
                } else {
                    value = resource(kindOf(rule.path.substring(0, m.end())), c.rel, c.role);
                }
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            String path = out.toString();
            if (rule.query != null) {
                path += "?"
                        + Stream.of(rule.query.replace("{unit}", c.unit()).split("&"))
                                .map(kv ->
                                        kv.substring(0, kv.indexOf('=') + 1) + Api.q(kv.substring(kv.indexOf('=') + 1)))
                                .collect(Collectors.joining("&"));
            }
            return path;
        }

        private static String kindOf(String upToVar) {
            Matcher m = SECTION.matcher(upToVar);
            if (!m.find()) {
                throw new AssertionError("cannot tell the resource of " + upToVar);
            }
            return switch (m.group(1)) {
                case "models" -> "model";
                case "inspections" -> "inspection";
                case "recognition-proposals", "proposals" -> "proposal";
                case "recognition-rounds", "rounds" -> "round";
                case "commendations" -> "commendation";
                case "campaigns" -> "campaign";
                case "units" -> "unit";
                case "indicators" -> "indicator";
                case "users" -> "user";
                case "follow-ups" -> "followUp";
                case "criteria-sets", "criteria" -> "criteria";
                case "jobs" -> "job";
                case "evidence" -> "evidence";
                case "progress-reports" -> "report";
                case "photos" -> "photo";
                default -> throw new AssertionError("unknown resource section " + m.group(1));
            };
        }

        Outcome sendApi(Rule rule, Ctx c) {
            String path = path(rule, c);
            String token = c.role == null
                    ? null
                    : rule.freshToken ? api.token(usernames.get(c.role), PASSWORD) : tokens.get(c.role);
            Api.Res r;
            if (rule.multipart != null) {
                r = rule.multipart.apply(c).post(api, path, token);
            } else {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.base() + path))
                        .timeout(Duration.ofSeconds(60))
                        .header("Accept", "application/json, application/problem+json, */*");
                if (token != null) {
                    b.header("Authorization", "Bearer " + token);
                }
                if (rule.method.equals("GET") || rule.method.equals("DELETE")) {
                    b.method(rule.method, HttpRequest.BodyPublishers.noBody());
                } else {
                    Object body = rule.body == null ? null : rule.body.apply(c);
                    b.header("Content-Type", "application/json")
                            .method(
                                    rule.method,
                                    body == null
                                            ? HttpRequest.BodyPublishers.noBody()
                                            : HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(body)));
                }
                try {
                    HttpResponse<String> raw =
                            http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                    String ct = raw.headers().firstValue("Content-Type").orElse("");
                    JsonNode json = ct.contains("json") && !raw.body().isEmpty() ? Api.JSON.readTree(raw.body()) : null;
                    r = new Api.Res(raw.statusCode(), json, ct.contains("json") ? raw.body() : ct, raw);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            int s = r.status();
            boolean refused = s == 401
                    || s == 403
                    || s == 404
                    || (s == 400 && rule.scopeField != null && r.errorFields().contains(rule.scopeField));
            return new Outcome(s, refused, path + " " + abbreviate(r.body()));
        }

        Outcome sendPage(Rule rule, Ctx c) {
            String path = path(rule, c);
            WebSession s;
            if (c.role == null) {
                s = new WebSession(api.base());
                s.get("/login");
            } else {
                s = sessions.get(c.role);
            }
            int status;
            String body;
            String location;
            if (rule.method.equals("GET")) {
                WebSession.Page pg = s.get(path);
                status = pg.status();
                body = pg.body();
                location = pg.location();
            } else {
                WebSession.Page pg = s.post(path, rule.form == null ? Map.of() : rule.form.apply(c));
                status = pg.status();
                body = pg.body();
                location = pg.location();
            }
            boolean toLogin = status == 302
                    && location != null
                    && location.replaceFirst("\\?.*", "").endsWith("/login");
            String text = body == null ? "" : HtmlUtils.htmlUnescape(body);
            boolean refused = status == 401
                    || status == 403
                    || status == 404
                    || toLogin
                    || (rule.scopeField != null
                            && (status == 200 || status == 400)
                            && (text.contains("data-field=\"" + rule.scopeField + "\"")
                                    || text.contains(UNIT_NOT_FOUND)));
            return new Outcome(
                    status,
                    refused,
                    path + (location != null ? " → " + location : "") + " " + abbreviate(errorsIn(body)));
        }

        private static String errorsIn(String html) {
            if (html == null) {
                return "";
            }
            Matcher m = Pattern.compile("id=\"([A-Za-z.\\[\\]0-9]+)-error\"[^>]*>([^<]*)")
                    .matcher(html);
            List<String> found = new ArrayList<>();
            while (m.find()) {
                found.add(m.group(1) + ": " + m.group(2).trim());
            }
            return found.isEmpty() ? (html.length() > 200 ? "" : html) : String.join("; ", found);
        }

        private static String abbreviate(String s) {
            return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
        }

        private static String firstId(JsonNode json, String array) {
            JsonNode a = json.isArray() ? json : json.get(array);
            if (a == null || a.isEmpty()) {
                throw new AssertionError("no " + array + " in " + json);
            }
            return a.get(0).get("id").asString();
        }

        private static void check(Api.Res r, String what) {
            if (r.status() >= 300) {
                throw new AssertionError(what + ": " + r.status() + " " + r.body());
            }
        }

        private static void sleep(long ms) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
