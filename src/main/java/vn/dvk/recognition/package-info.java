/**
 * Recognition: proposals of models at a level and year, council members' score sheets, and the
 * approver's decision (recognize or decline) with its decision number and date.
 */
package vn.dvk.recognition;
