/**
 * Units and levels: the one tree of areas and bodies (central, province, district, commune),
 * stored as a materialized path so that "is this unit inside that one?" is a prefix test.
 */
package vn.dvk.unit;
