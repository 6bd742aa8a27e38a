/**
 * Accounts: users with roles scoped to their unit's subtree, sign-in with sessions for pages and
 * bearer tokens for the API, throttling of failed sign-ins, and the security configuration.
 */
package vn.dvk.account;
