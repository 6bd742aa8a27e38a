package vn.dvk.generator;

import java.util.Locale;

/** How much to generate: the national scale is the whole country over 2021–2025; the others take a few provinces. */
public enum Scale {
    /** Two provinces, about 3,000 models: a smoke test that loads in seconds. */
    SMALL(2, 3_000),
    /** Eight provinces, about 40,000 models. */
    MEDIUM(8, 40_000),
    /** All 34 provinces and 3,321 communes, about 300,000 models. */
    NATIONAL(34, 300_000);

    private final int provinces;
    private final int models;

    Scale(int provinces, int models) {
        this.provinces = provinces;
        this.models = models;
    }

    /** How many provinces (in map order) get bodies, users and models. */
    public int provinces() {
        return provinces;
    }

    /** About how many models over the five years. */
    public int models() {
        return models;
    }

    /** The scale named on the command line (small, medium, national), or an explanation of what is accepted. */
    public static Scale parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--scale must be small, medium or national, not '" + name + "'");
        }
    }
}
