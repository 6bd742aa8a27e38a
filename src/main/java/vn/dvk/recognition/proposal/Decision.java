package vn.dvk.recognition.proposal;

import org.springframework.modulith.NamedInterface;

/** What the approver decides on a proposal. */
@NamedInterface("proposal")
public enum Decision {
    /** Công nhận — recognize. */
    RECOGNIZE,
    /** Không công nhận — decline. */
    DECLINE
}
