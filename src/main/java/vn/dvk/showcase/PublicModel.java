package vn.dvk.showcase;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import vn.dvk.model.Dossier;
import vn.dvk.model.Field;
import vn.dvk.recognition.proposal.Recognitions;

/**
 * A model of the public library as anyone may read it: no more than the recognition decisions name (no registering
 * officer, no internal notes). The registration dossier's sections tell the model's story beside the summary (the
 * same names as in a signed-in model's JSON, with {@code dossierComplete}).
 */
public record PublicModel(
        Long id,
        String title,
        Field field,
        String unitName,
        String provinceName,
        int year,
        List<Recognitions.Recognized> recognitions,
        String summary,
        CitizenFeedback.Summary feedback,
        @JsonUnwrapped Dossier dossier) {}
