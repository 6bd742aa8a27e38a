-- Folding the deltas deletes what it folds: vacuum these small tables after a few thousand dead rows rather than
-- after 20% of the table, so that a scan of the deltas stays a scan of a few thousand live rows.
alter table statistics_model_delta set (autovacuum_vacuum_scale_factor = 0.0, autovacuum_vacuum_threshold = 5000,
                                        autovacuum_analyze_scale_factor = 0.0, autovacuum_analyze_threshold = 5000);
alter table statistics_proposal_delta set (autovacuum_vacuum_scale_factor = 0.0, autovacuum_vacuum_threshold = 5000,
                                           autovacuum_analyze_scale_factor = 0.0, autovacuum_analyze_threshold = 5000);
