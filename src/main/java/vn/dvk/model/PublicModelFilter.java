package vn.dvk.model;

import vn.dvk.shared.Level;

/**
 * Filters of the public library; every one is optional. {@code province} is a unit code (its whole subtree),
 * {@code level} the highest level of recognition, {@code q} matched without accents as in the signed-in list.
 */
public record PublicModelFilter(String province, Field field, Level level, Integer year, String q) {}
