package vn.dvk.recognition.round;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.model.ModelRegistry;
import vn.dvk.model.ModelView;
import vn.dvk.recognition.NomineeOpenForComment;
import vn.dvk.recognition.proposal.Proposal;
import vn.dvk.recognition.proposal.ProposalPolicy;
import vn.dvk.recognition.proposal.ProposalStatus;
import vn.dvk.recognition.proposal.Proposals;
import vn.dvk.recognition.proposal.Recognitions;
import vn.dvk.shared.Actor;
import vn.dvk.shared.AuditTrail;
import vn.dvk.shared.Fmt;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;

/**
 * Nominees open for comment: the organiser of a round opens a public comment window on its proposals; while it is
 * open anyone may comment on each nominee (vn.dvk.showcase takes the comments, within its per-address limit), the
 * board reads them and hides an abusive one with a reason (kept and audited), and a decision waits for the window
 * to close unless it gives a reason to override it.
 */
@NamedInterface("round")
@Service
@Transactional(readOnly = true)
@EnableConfigurationProperties(PublicCommentProperties.class)
public class PublicComments {

    /** The longest comment, name and contact kept, in characters. */
    public static final int MAX_TEXT = 2000;

    public static final int MAX_NAME = 200;

    /** A round's window: the first and the last day on which comments are taken. */
    public record Window(Long roundId, LocalDate opens, LocalDate closes) {}

    /** A nominee as the public sees it while its window is open. */
    public record Nominee(
            Long proposalId, Long modelId, String title, String unitName, Level level, int year, LocalDate closes) {}

    /** A comment as the board sees it: with the sender's name and contact, and whether and why it was hidden. */
    public record CommentView(
            Long id,
            Long proposalId,
            String text,
            String name,
            String contact,
            Instant createdAt,
            boolean hidden,
            String hiddenBy,
            String hiddenReason) {}

    private final JdbcTemplate jdbc;
    private final Proposals proposals;
    private final Councils councils;
    private final ModelRegistry models;
    private final AuditTrail audit;
    private final Clock clock;
    private final PublicCommentProperties settings;
    private final CommentWindows windows;
    private final ApplicationEventPublisher events;

    PublicComments(
            JdbcTemplate jdbc,
            Proposals proposals,
            Councils councils,
            ModelRegistry models,
            AuditTrail audit,
            Clock clock,
            PublicCommentProperties settings,
            CommentWindows windows,
            ApplicationEventPublisher events) {
        this.events = events;
        this.windows = windows;
        this.jdbc = jdbc;
        this.proposals = proposals;
        this.councils = councils;
        this.models = models;
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Opens (or moves) the public comment window of a round: its organiser only, before the round is decided.
     * {@code opens} defaults to today, {@code closes} to {@code dvk.recognition.public-comment.working-days} working
     * days after it.
     */
    @Transactional
    public Window open(Actor actor, Long roundId, LocalDate opens, LocalDate closes) {
        Round round = councils.visibleRound(actor, roundId);
        RoundPolicy.require(actor, RoundPolicy.Act.ORGANISE, round.getLevel(), councils.pathOf(round));
        if (round.isDecided()) {
            throw new Problems.Conflict("publicComment.decided");
        }
        LocalDate from = opens == null ? today() : opens;
        LocalDate to = closes == null ? workingDaysAfter(from, settings.workingDays()) : closes;
        if (to.isBefore(from)) {
            throw new Problems.Invalid("closes", "publicComment.closesBeforeOpens");
        }
        jdbc.update("delete from recognition_comment_window where round_id = ?", roundId);
        jdbc.update(
                "insert into recognition_comment_window (round_id, opens_on, closes_on, opened_by, opened_at)"
                        + " values (?, ?, ?, ?, ?)",
                roundId,
                from,
                to,
                actor.username(),
                at(clock.instant()));
        Fmt fmt = new Fmt();
        audit.record(
                actor.username(),
                Councils.AUDIT_ROUND,
                roundId,
                "PUBLIC_COMMENT_OPEN",
                null,
                null,
                fmt.date(from) + " – " + fmt.date(to));
        List<Proposal> nominees = proposals.findByRoundIdOrderByIdAsc(roundId).stream()
                .filter(p -> p.getStatus() == ProposalStatus.PENDING)
                .toList();
        Map<Long, ModelView> views =
                models.viewsOf(nominees.stream().map(Proposal::getModelId).toList());
        for (Proposal p : nominees) {
            ModelView m = views.get(p.getModelId());
            events.publishEvent(
                    new NomineeOpenForComment(p.getId(), m.id(), m.title(), m.unitCode(), p.getProposedBy(), from, to));
        }
        return new Window(roundId, from, to);
    }

    /** The day {@code days} working days (Monday to Friday) after {@code from}. */
    static LocalDate workingDaysAfter(LocalDate from, int days) {
        LocalDate d = from;
        int left = days;
        while (left > 0) {
            d = d.plusDays(1);
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return d;
    }

    /** The window of a round, if one was opened. */
    public Optional<Window> windowOf(Long roundId) {
        return windows.of(roundId);
    }

    /** The nominees whose window is open today, closing soonest first: the proposals of those rounds still pending. */
    public List<Nominee> openNominations() {
        LocalDate today = today();
        List<Window> open = jdbc.query(
                "select round_id, opens_on, closes_on from recognition_comment_window"
                        + " where opens_on <= ? and closes_on >= ? order by closes_on, round_id",
                (rs, i) ->
                        new Window(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)),
                today,
                today);
        List<Proposal> pending = new ArrayList<>();
        List<LocalDate> closes = new ArrayList<>();
        for (Window w : open) {
            for (Proposal p : proposals.findByRoundIdOrderByIdAsc(w.roundId())) {
                if (p.getStatus() == ProposalStatus.PENDING) {
                    pending.add(p);
                    closes.add(w.closes());
                }
            }
        }
        Map<Long, ModelView> views =
                models.viewsOf(pending.stream().map(Proposal::getModelId).toList());
        List<Nominee> out = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            Proposal p = pending.get(i);
            ModelView m = views.get(p.getModelId());
            out.add(new Nominee(
                    p.getId(), p.getModelId(), m.title(), m.unitName(), p.getLevel(), p.getYear(), closes.get(i)));
        }
        return out;
    }

    /**
     * A comment from anyone on a nominee: 404 for a proposal never published for comment, 409 outside its window
     * (before it opens, after it closes, or once decided).
     */
    @Transactional
    public void comment(Long proposalId, String text, String name, String contact) {
        Proposal p = proposals.findById(proposalId).orElseThrow(() -> new Problems.NotFound("publicComment.notFound"));
        Window w = windowOf(p.getRoundId()).orElseThrow(() -> new Problems.NotFound("publicComment.notFound"));
        List<Problems.FieldError> errors = new ArrayList<>();
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            errors.add(new Problems.FieldError("text", "validation.required"));
        } else if (body.length() > MAX_TEXT) {
            errors.add(new Problems.FieldError("text", "validation.maxLengthN", MAX_TEXT));
        }
        if (name != null && name.strip().length() > MAX_NAME) {
            errors.add(new Problems.FieldError("name", "validation.maxLengthN", MAX_NAME));
        }
        if (contact != null && contact.strip().length() > MAX_NAME) {
            errors.add(new Problems.FieldError("contact", "validation.maxLengthN", MAX_NAME));
        }
        if (!errors.isEmpty()) {
            throw new Problems.Invalid(errors);
        }
        LocalDate today = today();
        if (today.isBefore(w.opens()) || today.isAfter(w.closes()) || p.getStatus() != ProposalStatus.PENDING) {
            throw new Problems.Conflict("publicComment.closed", new Fmt().date(w.opens()), new Fmt().date(w.closes()));
        }
        jdbc.update(
                "insert into recognition_public_comment (proposal_id, body, author_name, contact, created_at)"
                        + " values (?, ?, ?, ?, ?)",
                proposalId,
                body,
                blank(name),
                blank(contact),
                at(clock.instant()));
    }

    /** The comments on a proposal the actor may see (hidden ones too, marked), oldest first. */
    public List<CommentView> of(Actor actor, Long proposalId) {
        visible(actor, proposalId);
        return jdbc.query(
                "select id, proposal_id, body, author_name, contact, created_at, hidden_at, hidden_by,"
                        + " hidden_reason from recognition_public_comment where proposal_id = ? order by id",
                (rs, i) -> new CommentView(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class).toInstant(),
                        rs.getObject(7) != null,
                        rs.getString(8),
                        rs.getString(9)),
                proposalId);
    }

    /** Hides an abusive comment with a reason: the board (appraiser, approver, administrator) that sees the proposal. */
    @Transactional
    public CommentView hide(Actor actor, Long proposalId, Long commentId, String reason) {
        visible(actor, proposalId);
        ProposalPolicy.requireRoles(actor, ProposalPolicy.Act.MODERATE);
        if (reason == null || reason.isBlank()) {
            throw new Problems.Invalid("reason", "validation.required");
        }
        int n = jdbc.update(
                "update recognition_public_comment set hidden_at = ?, hidden_by = ?, hidden_reason = ?"
                        + " where id = ? and proposal_id = ? and hidden_at is null",
                at(clock.instant()),
                actor.username(),
                reason.strip(),
                commentId,
                proposalId);
        if (n == 0 && of(actor, proposalId).stream().noneMatch(c -> c.id().equals(commentId))) {
            throw new Problems.NotFound("publicComment.notFound");
        }
        audit.record(
                actor.username(),
                Recognitions.AUDIT_PROPOSAL,
                proposalId,
                "PUBLIC_COMMENT_HIDE",
                null,
                null,
                "#" + commentId + ": " + reason.strip());
        return of(actor, proposalId).stream()
                .filter(c -> c.id().equals(commentId))
                .findFirst()
                .orElseThrow();
    }

    private void visible(Actor actor, Long proposalId) {
        Proposal p = proposals.findById(proposalId).orElseThrow(() -> new Problems.NotFound("proposal.notFound"));
        try {
            models.get(actor, p.getModelId());
        } catch (Problems.NotFound e) {
            throw new Problems.NotFound("proposal.notFound");
        }
    }

    private LocalDate today() {
        return windows.today();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
