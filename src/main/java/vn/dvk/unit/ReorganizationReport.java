package vn.dvk.unit;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a reorganization changed (or, in a preview, would change). */
public final class ReorganizationReport implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<String> lines = new ArrayList<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final Map<String, Move> moves = new LinkedHashMap<>();
    private Long reorganizationId;
    private boolean preview;
    private boolean scheduled;
    private LocalDate effectiveDate;

    /**
     * A unit that moves, where it goes, and what it carries there: its models, its users and its open proposals
     * (its own and its subtree's).
     */
    public static final class Move implements Serializable {

        private static final long serialVersionUID = 1L;

        private final String code;
        private final String name;
        private final String destination;
        private int models;
        private int users;
        private int openProposals;

        Move(String code, String name, String destination) {
            this.code = code;
            this.name = name;
            this.destination = destination;
        }

        public String getCode() {
            return code;
        }

        public String getName() {
            return name;
        }

        public String getDestination() {
            return destination;
        }

        public int getModels() {
            return models;
        }

        public int getUsers() {
            return users;
        }

        public int getOpenProposals() {
            return openProposals;
        }
    }

    /** Adds a sentence for people and a count under a key ("unitsMoved", "usersMoved", …). */
    public void add(String key, int count, String line) {
        counts.merge(key, count, Integer::sum);
        if (line != null) {
            lines.add(line);
        }
    }

    /** Says what the unit {@code code} carries: {@code what} is "models", "users" or "openProposals". */
    public void carried(String code, String what, int count) {
        Move m = moves.get(code);
        if (m == null) {
            return;
        }
        switch (what) {
            case "models" -> m.models += count;
            case "users" -> m.users += count;
            case "openProposals" -> m.openProposals += count;
            default -> throw new IllegalArgumentException(what);
        }
    }

    void moves(String code, String name, String destination) {
        moves.putIfAbsent(code, new Move(code, name, destination));
    }

    /** The units that move, in the order given, with what each carries and where it goes. */
    public List<Move> getMoves() {
        return List.copyOf(moves.values());
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

    /** The date from which the reorganization takes (or would take) effect. */
    public LocalDate getEffectiveDate() {
        return effectiveDate;
    }

    void effectiveDate(LocalDate date) {
        this.effectiveDate = date;
    }

    /** True when the reorganization was stored to be applied on its (future) effective date. */
    public boolean isScheduled() {
        return scheduled;
    }

    void scheduled(long id) {
        this.reorganizationId = id;
        this.preview = false;
        this.scheduled = true;
    }

    void done(Long id, boolean preview) {
        this.reorganizationId = preview ? null : id;
        this.preview = preview;
    }
}
