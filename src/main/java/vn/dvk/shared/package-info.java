/**
 * The little that every module needs: the audit trail, problem details, text folding for search.
 * Kept small on purpose; business rules live in their own modules.
 */
package vn.dvk.shared;
