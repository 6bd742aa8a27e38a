package vn.dvk.recognition;

import java.time.LocalDate;

/**
 * A pending proposal was published for public comment from {@code opens} to {@code closes} (its round's window was
 * opened or moved). Published in the transaction that opened the window.
 */
public record NomineeOpenForComment(
        Long proposalId,
        Long modelId,
        String title,
        String unitCode,
        String proposedBy,
        LocalDate opens,
        LocalDate closes) {}
