/**
 * The round room of recognition: rounds of a unit, level and year with their council, the assignment of members to
 * proposals, scoring and ballots and their counts, the public comment window on a round's nominees, who may see,
 * organise or decide a round, the decision and ballot-minutes documents, and the round, ballot and public comment
 * pages and API. A named interface: other modules use {@code Councils}, {@code CouncilScoring} and
 * {@code PublicComments}.
 */
package vn.dvk.recognition.round;
