-- A finished export's file now lives in the file store (the uploads folder or the S3 bucket) under content_key;
-- jobs finished before keep their file in content, and are still served from there.
alter table statistics_job add column content_key varchar(200);
