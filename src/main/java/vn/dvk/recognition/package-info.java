/**
 * Recognition: proposals of models at a level and year, council members' score sheets, and the approver's decision
 * (recognize or decline) with its decision number and date. The base package holds the events other modules listen to
 * ({@code ProposalDecided}, {@code NomineeOpenForComment}, {@code CouncilMemberAssigned}); the rest lives in rooms:
 * {@code criteria} (criteria sets and their catalogue), {@code round} (rounds, councils, assignments, score and ballot
 * counting, the public comment window, the round's documents), {@code proposal} (proposals, score sheets, decisions,
 * the ladder), {@code replication} (replication marks and the spread tree) and {@code review} (the annual review).
 * {@code criteria}, {@code round} and {@code proposal} are named interfaces: their public types are what other
 * modules may use; {@code replication} and {@code review} are internal.
 */
package vn.dvk.recognition;
