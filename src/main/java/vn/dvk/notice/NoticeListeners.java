package vn.dvk.notice;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.dvk.account.Accounts;
import vn.dvk.imports.ImportFinished;
import vn.dvk.model.AppraisalDecision;
import vn.dvk.model.ModelAppraised;
import vn.dvk.model.ModelReviewed;
import vn.dvk.progress.ReportDue;
import vn.dvk.recognition.CouncilMemberAssigned;
import vn.dvk.recognition.NomineeOpenForComment;
import vn.dvk.recognition.ProposalDecided;
import vn.dvk.shared.Role;

/**
 * Turns the events of other modules into notices, in the transaction that published them (a plain
 * {@code @EventListener}, not after commit: a change rolled back leaves no notice and no e-mail queued). Recipients:
 * <ul>
 * <li>a model appraised, changes requested, reviewed for a year, a report due or overdue, its nominee open for
 * comment: the user who
 * registered the model and the enabled REPORTERs of the model's own unit (the people who act on it next);</li>
 * <li>a proposal decided: whoever made the proposal and whoever registered the model;</li>
 * <li>a council assignment: the member assigned; an import: the user who ran it.</li>
 * </ul>
 * The user who caused the change is not told about it (an appraiser who is also a reporter of the unit).
 */
@Component
class NoticeListeners {

    private final Notices notices;
    private final Accounts accounts;

    NoticeListeners(Notices notices, Accounts accounts) {
        this.notices = notices;
        this.accounts = accounts;
    }

    @EventListener
    void on(ModelAppraised e) {
        boolean changes = e.decision() == AppraisalDecision.REQUEST_CHANGES;
        NoticeKind kind = changes ? NoticeKind.CHANGES_REQUESTED : NoticeKind.APPRAISED;
        for (Long user : ofModel(e.createdBy(), e.unitCode(), e.appraiser()).keySet()) {
            notices.post(new Notices.NewNotice(
                    user,
                    kind,
                    changes ? null : e.decision().name(),
                    e.title(),
                    e.comment(),
                    modelLink(e.modelId()),
                    null));
        }
    }

    @EventListener
    void on(ModelReviewed e) {
        for (Long user : ofModel(e.createdBy(), e.unitCode(), e.reviewer()).keySet()) {
            notices.post(new Notices.NewNotice(
                    user,
                    NoticeKind.REVIEWED,
                    e.outcome().name(),
                    e.title(),
                    e.comment(),
                    modelLink(e.modelId()),
                    null));
        }
    }

    @EventListener
    void on(ReportDue e) {
        NoticeKind kind = e.overdue() ? NoticeKind.REPORT_OVERDUE : NoticeKind.REPORT_DUE;
        for (Long user : ofModel(e.createdBy(), e.unitCode(), null).keySet()) {
            notices.post(new Notices.NewNotice(
                    user,
                    kind,
                    null,
                    e.title(),
                    e.period() + "|" + e.dueOn(),
                    modelLink(e.modelId()),
                    kind.name() + ":" + e.modelId() + ":" + e.period()));
        }
    }

    @EventListener
    void on(CouncilMemberAssigned e) {
        accounts.recipient(e.username())
                .ifPresent(u -> notices.post(new Notices.NewNotice(
                        u.id(),
                        NoticeKind.COUNCIL_ASSIGNED,
                        null,
                        e.roundTitle(),
                        String.valueOf(e.proposals()),
                        "/recognition/rounds/" + e.roundId(),
                        null)));
    }

    @EventListener
    void on(NomineeOpenForComment e) {
        for (Long user : ofModel(e.proposedBy(), e.unitCode(), null).keySet()) {
            notices.post(new Notices.NewNotice(
                    user,
                    NoticeKind.COMMENT_WINDOW,
                    null,
                    e.title(),
                    e.opens() + "|" + e.closes(),
                    modelLink(e.modelId()),
                    "COMMENT_WINDOW:" + e.proposalId() + ":" + e.opens() + ":" + e.closes()));
        }
    }

    @EventListener
    void on(ProposalDecided e) {
        Map<Long, Boolean> to = new LinkedHashMap<>();
        user(e.proposedBy()).ifPresent(id -> to.put(id, true));
        user(e.modelCreatedBy()).ifPresent(id -> to.put(id, true));
        String detail = e.decisionNumber() == null
                ? e.comment()
                : e.decisionNumber() + (e.comment() == null ? "" : " — " + e.comment());
        for (Long user : to.keySet()) {
            notices.post(new Notices.NewNotice(
                    user,
                    NoticeKind.PROPOSAL_DECIDED,
                    e.decision().name(),
                    e.title(),
                    detail,
                    modelLink(e.modelId()),
                    null));
        }
    }

    @EventListener
    void on(ImportFinished e) {
        user(e.username())
                .ifPresent(id -> notices.post(new Notices.NewNotice(
                        id,
                        NoticeKind.IMPORT_FINISHED,
                        null,
                        e.fileName() == null ? e.kind() : e.fileName(),
                        e.rows() + "|" + e.created() + "|" + e.unchanged() + "|" + e.updated(),
                        "/imports",
                        null)));
    }

    /** The model's registrant and the enabled reporters of its unit, each once, leaving out whoever acted. */
    private Map<Long, Boolean> ofModel(String createdBy, String unitCode, String actor) {
        Map<Long, Boolean> to = new LinkedHashMap<>();
        accounts.recipient(createdBy).filter(Accounts.Recipient::enabled).ifPresent(u -> to.put(u.id(), true));
        accounts.recipientsIn(unitCode, Role.REPORTER).forEach(u -> to.put(u.id(), true));
        if (actor != null) {
            accounts.recipient(actor).ifPresent(u -> to.remove(u.id()));
        }
        return to;
    }

    private Optional<Long> user(String username) {
        return accounts.recipient(username).filter(Accounts.Recipient::enabled).map(Accounts.Recipient::id);
    }

    private static String modelLink(Long modelId) {
        return "/models/" + modelId;
    }
}
