-- A round chooses how its council concludes: SCORE (points against the criteria set, as before) or BALLOT
-- (each member votes AGREE or DISAGREE on each nominee). A ballot round carries its pass share as a fraction
-- (2/3 is kept as 2 and 3, never as a rounded decimal) and its quorum (the fewest members voting on a nominee).
alter table recognition_round add column method varchar(16) default 'SCORE' not null;
alter table recognition_round add column pass_share_num integer;
alter table recognition_round add column pass_share_den integer;
alter table recognition_round add column quorum integer;
alter table recognition_round add constraint ck_recognition_round_method check (method in ('SCORE', 'BALLOT'));
alter table recognition_round add constraint ck_recognition_round_ballot check (method = 'SCORE'
    or (pass_share_num is not null and pass_share_den is not null and quorum is not null
        and pass_share_num > 0 and pass_share_num <= pass_share_den and quorum >= 1));

-- The secret ballot. The votes are kept as counts per nominee, with no voter, no time and no row per vote: a row
-- per vote would keep its order (an identity, its place in the table), which the times of the audit trail's
-- "voted" entries would match to the voters.
create table recognition_ballot_tally (
    proposal_id bigint  not null,
    agree       integer not null,
    disagree    integer not null,
    constraint pk_recognition_ballot_tally primary key (proposal_id),
    constraint fk_recognition_ballot_tally_proposal foreign key (proposal_id) references recognition_proposal (id),
    constraint ck_recognition_ballot_tally_counts check (agree >= 0 and disagree >= 0)
);

-- Who has voted on which nominee (not how), written in the same transaction as the count: one vote per member.
create table recognition_ballot_voter (
    proposal_id bigint      not null,
    voter       varchar(64) not null,
    constraint pk_recognition_ballot_voter primary key (proposal_id, voter),
    constraint fk_recognition_ballot_voter_proposal foreign key (proposal_id) references recognition_proposal (id)
);
