package vn.dvk.showcase;

import java.util.List;
import vn.dvk.model.Field;
import vn.dvk.recognition.Recognitions;

/**
 * A model of the public library as anyone may read it: no more than the recognition decisions name (no registering
 * officer, no internal notes).
 */
public record PublicModel(Long id, String title, Field field, String unitName, String provinceName, int year,
                          List<Recognitions.Recognized> recognitions, String summary,
                          CitizenFeedback.Summary feedback) {
}
