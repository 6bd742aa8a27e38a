/**
 * The replication room of recognition: the marks that a recognized model is fit to be replicated at a level and year,
 * the spread tree of a model's replicas with their latest reports, and the replication pages and API. Internal to the
 * module: no other module uses it.
 */
package vn.dvk.recognition.replication;
