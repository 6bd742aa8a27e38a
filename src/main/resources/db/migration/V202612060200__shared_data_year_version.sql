-- Versions of the data of one registration year within an area (vn.dvk.shared.DataVersions): a change that touches
-- only the models registered in one year (a registration submitted, an appraisal) counts here instead of in its
-- area's row of shared_data_version, so that the figures of earlier years, which it cannot change, stay cached.
-- A reader of the figures up to year Y sums its area's row, these rows of its area up to Y and the row of changes
-- "somewhere"; a reader of every year sums all of them. Rows are made by the first change of their area and year.
create table shared_data_year_version (
    area_id     bigint                   not null,
    reg_year    integer                  not null,
    version     bigint                   not null,
    changed_at  timestamp with time zone not null,
    primary key (area_id, reg_year)
);
