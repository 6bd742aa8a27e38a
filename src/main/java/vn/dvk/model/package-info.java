/**
 * The life of a model: registration, appraisal, changes, proposal status, recognition status,
 * annual review (maintain, replicate, retire), replication links and the model's timeline.
 */
package vn.dvk.model;
