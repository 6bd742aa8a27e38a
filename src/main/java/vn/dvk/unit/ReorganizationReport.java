package vn.dvk.unit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a reorganization changed (or, in a preview, would change). */
public final class ReorganizationReport implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final List<String> lines = new ArrayList<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private Long reorganizationId;
    private boolean preview;

    /** Adds a sentence for people and a count under a key ("unitsMoved", "usersMoved", …). */
    public void add(String key, int count, String line) {
        counts.merge(key, count, Integer::sum);
        if (line != null) {
            lines.add(line);
        }
    }

    public List<String> getLines() {
        return List.copyOf(lines);
    }

    public Map<String, Integer> getCounts() {
        return Map.copyOf(counts);
    }

    public Long getReorganizationId() {
        return reorganizationId;
    }

    public boolean isPreview() {
        return preview;
    }

    void done(Long id, boolean preview) {
        this.reorganizationId = preview ? null : id;
        this.preview = preview;
    }
}
