/**
 * Notices: what happened that concerns a user (an appraisal, a report due, a council assignment, a decision…), kept in
 * the app (the bell and "Thông báo của tôi") and e-mailed through an outbox delivered once after commit.
 */
package vn.dvk.notice;
