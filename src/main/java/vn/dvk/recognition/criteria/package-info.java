/**
 * The criteria room of recognition: criteria sets issued by a unit for a level (their criteria, maxima, weights and
 * pass threshold), the catalogue that finds the set in force, copies and versions them, who may see, write or copy a
 * set, and the criteria pages and API. A named interface: other modules use {@code CriteriaCatalogue}.
 */
package vn.dvk.recognition.criteria;
