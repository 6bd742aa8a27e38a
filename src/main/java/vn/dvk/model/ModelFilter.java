package vn.dvk.model;

import vn.dvk.shared.Level;

/** Filters of the model list; every one is optional. {@code q} is matched without accents. */
public record ModelFilter(String unit, Field field, ModelStatus status, Level level, Integer year, String q) {

    public static ModelFilter none() {
        return new ModelFilter(null, null, null, null, null, null);
    }
}
