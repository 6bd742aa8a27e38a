package vn.dvk.recognition.proposal;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import vn.dvk.shared.Limits;

/** The API's and the page's request: the approver's decision. */
record DecisionRequest(
        @NotNull(message = "{validation.required}") Decision decision,

        @Size(max = 64, message = "{validation.maxLength}") String decisionNumber,

        LocalDate decisionDate,

        @Size(max = Limits.TEXT, message = "{validation.maxLength}")
        String comment,

        @Size(max = 1000, message = "{validation.maxLength}")
        String overrideReason) {}
