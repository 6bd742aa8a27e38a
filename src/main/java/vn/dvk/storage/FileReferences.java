package vn.dvk.storage;

import java.util.Collection;
import java.util.Set;

/**
 * Published by each module whose records point at stored files (evidence, inspection photos, finished exports), so
 * that the orphan sweep can tell which objects no record refers to without reading other modules' tables.
 */
public interface FileReferences {

    /** Of these keys, the ones a record of this module points at. */
    Set<String> referenced(Collection<String> keys);
}
