-- "In this subtree" is path LIKE '<prefix>%': under a non-C collation (vi_VN.UTF-8, en_US.UTF-8) the plain b-tree
-- index cannot serve a LIKE prefix; an index with the pattern operator class can, whatever the collation.
create index ix_unit_unit_path_pattern on unit_unit (path varchar_pattern_ops);
create index ix_unit_path_history_path_pattern on unit_path_history (path varchar_pattern_ops);
