package vn.dvk.recognition;

import vn.dvk.recognition.proposal.Decision;

/**
 * A proposal was decided (recognized or declined). {@code modelCreatedBy} registered the model; {@code proposedBy}
 * made the proposal. Published in the transaction of the decision.
 */
public record ProposalDecided(
        Long proposalId,
        Long modelId,
        String title,
        String modelCreatedBy,
        String proposedBy,
        Decision decision,
        String decisionNumber,
        String comment) {}
