package vn.dvk.unit;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import vn.dvk.shared.Level;

/** What other modules know of a unit: enough to show it and to test containment. */
public record UnitRef(
        Long id,
        String code,
        String name,
        Level level,
        UnitKind kind,
        String path,
        Long parentId,
        String parentCode,
        LocalDate validFrom,
        LocalDate validTo) {

    /** True while the unit exists (no reorganization has ended it). */
    public boolean active() {
        return validTo == null;
    }

    /** True when {@code other} is this unit or lies anywhere below it. */
    public boolean contains(UnitRef other) {
        return other != null && other.path.startsWith(path);
    }

    /** True when the unit with that materialized path is this unit or lies below it. */
    public boolean containsPath(String otherPath) {
        return otherPath != null && otherPath.startsWith(path);
    }

    /** The ids of the units from the root down to this one (its materialized path), this unit last. */
    public List<Long> pathIds() {
        return Arrays.stream(path.split("/"))
                .filter(p -> !p.isEmpty())
                .map(Long::valueOf)
                .toList();
    }

    /** Depth in the tree, 0 for the root. */
    public int depth() {
        return (int) path.chars().filter(c -> c == '/').count() - 2;
    }
}
