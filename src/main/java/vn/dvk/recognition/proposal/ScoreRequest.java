package vn.dvk.recognition.proposal;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import vn.dvk.shared.Limits;

/** A council member's scores. */
record ScoreRequest(
        @NotEmpty(message = "{validation.required}") @Size(max = 100, message = "{validation.maxItems}")
        List<Recognitions.Score> scores,

        @Size(max = Limits.TEXT, message = "{validation.maxLength}")
        String comment) {}
