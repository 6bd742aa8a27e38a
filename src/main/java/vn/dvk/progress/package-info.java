/**
 * Results that can be checked: the indicator catalogue, each model's indicators with baseline and target,
 * progress reports by period with evidence files, reporting deadlines, and signs of formalism.
 */
package vn.dvk.progress;
