/**
 * Statistics: the counts of DESIGN.md (registered, accepted, … recognized) over a unit's subtree, computed
 * in SQL, for the API, the dashboard pages and the reports.
 */
package vn.dvk.statistics;
