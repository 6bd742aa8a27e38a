/**
 * Commendations: Bằng khen and Giấy khen given by an issuing unit to collectives or individuals,
 * with decision number and date, optionally tied to models.
 */
package vn.dvk.commendation;
