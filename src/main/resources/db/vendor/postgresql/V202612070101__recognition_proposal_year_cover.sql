-- The proposals of a span of years with what the statistics count of them (vn.dvk.statistics.Statistics): a
-- province's drill-down hashed the country's proposals of the year (27,000) read from the table, one page each; from
-- this index alone it reads them in a tenth of that. It replaces the index by year alone.
create index ix_recognition_proposal_year_cover on recognition_proposal (proposal_year) include (model_id, level, status);
drop index ix_recognition_proposal_year;
