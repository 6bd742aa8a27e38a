package vn.dvk.model;

import java.time.Instant;
import vn.dvk.shared.Level;

/** The model the model slices show and register: number {@link #ID}, of the commune {@code BTR-AN} (path /1/7/9/). */
final class SliceModels {

    static final long ID = 5L;
    static final String TITLE = "Dân vận khéo trong xây dựng nông thôn mới";

    private SliceModels() {}

    /** The model in this status, registered at this level. */
    static ModelView of(ModelStatus status, Level level) {
        Instant at = Instant.parse("2025-03-01T01:00:00Z");
        return new ModelView(
                ID,
                TITLE,
                Field.ECONOMY,
                "BTR-AN",
                "Xã An Hội",
                level,
                2025,
                HolderType.COLLECTIVE,
                "Hội Nông dân xã An Hội",
                Origin.NEW,
                null,
                "Vận động nhân dân hiến đất làm đường.",
                Dossier.EMPTY,
                status,
                3L,
                null,
                null,
                "slice",
                at,
                at,
                status == ModelStatus.DRAFT ? null : at,
                null,
                "/1/7/9/");
    }
}
