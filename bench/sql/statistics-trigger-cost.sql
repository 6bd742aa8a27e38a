-- What the statistics deltas' trigger costs a write (docs/ARCHITECTURE.md, "Deltas for the country and the provinces"):
-- every model of the database has a counted attribute changed (two delta rows each: -1 for the former attributes, +1
-- for the new), once with the trigger and once without it, each in a transaction rolled back. On a small dataset:
--   createdb -h 127.0.0.1 -U postgres dvk_trig
--   java -jar target/dvk.jar generate --scale=small --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/dvk_trig \
--        --spring.datasource.username=postgres --spring.datasource.password=
--   for i in 1 2 3 4 5; do psql -h 127.0.0.1 -U postgres -d dvk_trig -q -f bench/sql/statistics-trigger-cost.sql; done
-- and the cost of the same two rows written by a client instead (what a listener in Java would do, inside the writer's
-- transaction): pgbench -h 127.0.0.1 -U postgres -n -T 10 -M prepared -f bench/sql/delta-insert-100.sql dvk_trig
\timing on
begin;
update model_model set retired_year = coalesce(retired_year, 0) + 1;
rollback;
begin;
alter table model_model disable trigger trg_model_model_statistics;
update model_model set retired_year = coalesce(retired_year, 0) + 1;
rollback;
