/**
 * The review room of recognition: the annual review of a unit's active models (keep or retire, all or nothing), and
 * its page and API. Internal to the module: no other module uses it.
 */
package vn.dvk.recognition.review;
