package vn.dvk.model;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.dvk.shared.Limits;

/** The API's and the page's request: an appraiser's decision. */
record AppraisalRequest(
        @NotNull(message = "{validation.required}") AppraisalDecision decision,

        @Size(max = Limits.TEXT, message = "{validation.maxLength}")
        String comment) {}
