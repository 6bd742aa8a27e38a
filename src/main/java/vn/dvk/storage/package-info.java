/**
 * Where files live: evidence files, inspection photos and finished exports, in the local folder or in an
 * S3-compatible bucket, behind one {@link vn.dvk.storage.FileStore}; and the command that moves the folder to a bucket.
 */
package vn.dvk.storage;
