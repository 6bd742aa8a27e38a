/**
 * Excel imports: a province's existing lists (units, users, models with their history, progress) brought in from
 * templates, every row checked and previewed before anything is written, then written all or nothing.
 */
package vn.dvk.imports;
