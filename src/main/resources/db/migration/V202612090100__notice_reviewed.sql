-- Notices of the annual review (vn.dvk.notice, NoticeKind.REVIEWED): a model kept, to be replicated or retired is
-- told to its registrant and its unit's reporters, from the model module's ModelReviewed.
alter table notice_notice drop constraint ck_notice_notice_kind;
alter table notice_notice add constraint ck_notice_notice_kind check (kind in ('APPRAISED', 'CHANGES_REQUESTED',
    'REPORT_DUE', 'REPORT_OVERDUE', 'COUNCIL_ASSIGNED', 'COMMENT_WINDOW', 'PROPOSAL_DECIDED', 'IMPORT_FINISHED',
    'REVIEWED'));
