package vn.dvk.model;

import java.time.Instant;

/**
 * The latest request for changes (góp ý, điều chỉnh) on a model that waits on changes: who asked (username, full
 * name and unit, as far as they are known), when, and what they wrote.
 */
public record ChangeRequest(String by, String byName, String byUnit, Instant at, String comment) {}
