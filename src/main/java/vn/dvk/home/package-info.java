/**
 * The home page: "Việc cần làm" (what waits for the signed-in user, per role) and the key figures of
 * the user's unit, gathered from the model, recognition and statistics modules.
 */
package vn.dvk.home;
