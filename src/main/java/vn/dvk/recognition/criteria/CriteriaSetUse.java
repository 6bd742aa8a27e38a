package vn.dvk.recognition.criteria;

/**
 * Whether a criteria set is in use, so that it can no longer be edited: answered by the room that uses sets (a round
 * scores by the set it names), so that criteria does not depend on the rooms above it.
 */
public interface CriteriaSetUse {

    boolean inUse(Long criteriaSetId);
}
