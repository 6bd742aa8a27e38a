/**
 * Inspections (kiểm tra): a board plans a visit to a unit, records per model findings against the criteria,
 * concludes, and asks for follow-ups that the inspected unit answers; the report is issued as a PDF.
 */
package vn.dvk.inspection;
