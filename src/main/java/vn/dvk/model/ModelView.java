package vn.dvk.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import vn.dvk.shared.Level;

/**
 * A model as the API and the other modules see it; {@code externalId}: its number in its unit's own files, when
 * imported. The JSON carries the dossier's sections and {@code dossierComplete} beside the other fields.
 */
public record ModelView(
        Long id,
        String title,
        Field field,
        String unitCode,
        String unitName,
        Level level,
        int year,
        HolderType holderType,
        String holderName,
        Origin origin,
        Long replicatedFromId,
        String summary,
        @JsonUnwrapped Dossier dossier,
        ModelStatus status,
        long version,
        Level recognizedLevel,
        Integer retiredYear,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        Instant submittedAt,
        String externalId,
        @JsonIgnore String unitPath) {}
