package vn.dvk.recognition.round;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who scores what, free of any database: conflicts of interest and a balanced share of the work.
 * <ul>
 *   <li>A member whose own unit lies in the proposing unit's subtree (the unit that holds the model, or any
 *       unit below it) is <b>recused automatically</b> for that proposal: the member's unit path starts with
 *       the model unit's path.</li>
 *   <li>Mode "all" ({@code perProposal} null): every member not recused is assigned every proposal.</li>
 *   <li>Mode "N per proposal": each proposal gets N members not recused, chosen among those with the
 *       fewest assignments so far (existing ones included), ties by the members' order; when fewer than N
 *       members are free of conflict, all of them are assigned.</li>
 * </ul>
 */
public final class CouncilAssignment {

    /** A council member and the path of the member's unit. */
    public record Member(String username, String unitPath) {}

    /** A proposal to assign and the path of the unit that holds its model. */
    public record Item(Long proposalId, String modelUnitPath) {}

    /** One row of the plan: the member scores the proposal, or is recused automatically. */
    public record Line(Long proposalId, String username, boolean autoRecused) {}

    private CouncilAssignment() {}

    /** True when the member's unit is the proposing unit or lies below it. */
    public static boolean conflicted(String memberUnitPath, String modelUnitPath) {
        return memberUnitPath != null && modelUnitPath != null && memberUnitPath.startsWith(modelUnitPath);
    }

    /**
     * Plans the assignment of new proposals.
     *
     * @param load how many proposals each member scores already (absent means 0)
     */
    public static List<Line> plan(
            List<Item> items, List<Member> members, Integer perProposal, Map<String, Integer> load) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        members.forEach(m -> counts.put(m.username(), load.getOrDefault(m.username(), 0)));
        List<Line> out = new ArrayList<>();
        for (Item item : items) {
            List<Member> free = new ArrayList<>();
            for (Member m : members) {
                if (conflicted(m.unitPath(), item.modelUnitPath())) {
                    out.add(new Line(item.proposalId(), m.username(), true));
                } else {
                    free.add(m);
                }
            }
            List<Member> chosen = free;
            if (perProposal != null && perProposal < free.size()) {
                List<Member> byLoad = new ArrayList<>(free);
                byLoad.sort(Comparator.comparing((Member m) -> counts.get(m.username())));
                chosen = byLoad.subList(0, perProposal);
            }
            for (Member m : chosen) {
                counts.merge(m.username(), 1, Integer::sum);
                out.add(new Line(item.proposalId(), m.username(), false));
            }
        }
        return out;
    }
}
