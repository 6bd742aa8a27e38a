package vn.dvk.recognition;

/**
 * A council member was given proposals of a round to score ({@code proposals}: how many new, not recused). Published in
 * the transaction of the assignment.
 */
public record CouncilMemberAssigned(Long roundId, String roundTitle, String username, int proposals) {}
