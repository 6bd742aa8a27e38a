/**
 * Progress reports: the results a model's unit reports at a date, as indicator values and narrative.
 * Indicator catalogues, evidence files and deadlines build on this.
 */
package vn.dvk.progress;
