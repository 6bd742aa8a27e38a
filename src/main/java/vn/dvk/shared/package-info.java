/**
 * What every module needs: the audit trail, the problems a module throws, the actor, levels and roles, limits and the
 * pages' input contract, formats, text folding for search, the clock, data versions and the caches kept by them. Kept
 * small on purpose: business rules live in their own modules, and the web's plumbing that no module calls (filters,
 * error pages, the pages' menu and caches) in {@code vn.dvk.web}.
 */
package vn.dvk.shared;
