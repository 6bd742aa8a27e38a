package vn.dvk.unit;

import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dvk.shared.Actor;
import vn.dvk.shared.TextFolding;

/**
 * {@code /units/pick?q=}: the units of the signed-in user's subtree whose name (accents ignored) or code contains
 * every word typed, for the unit pickers of the pages ({@code data-picker} in {@code js/app.js}), which store the code.
 */
@RestController
class UnitPicker {

    static final int LIMIT = 20;

    private final UnitDirectory directory;
    private final UnitCache cache;
    private final MessageSource messages;

    UnitPicker(UnitDirectory directory, UnitCache cache, MessageSource messages) {
        this.directory = directory;
        this.cache = cache;
        this.messages = messages;
    }

    /** One choice: the code to store, the name to show and the level in words. */
    record Choice(String code, String name, String detail) {}

    private record Folded(UnitRef unit, String text) {}

    @GetMapping("/units/pick")
    List<Choice> pick(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) @Size(max = 100) String q) {
        String[] words = TextFolding.words(q).split(" ");
        if (words[0].isEmpty()) {
            return List.of();
        }
        UnitRef top = directory.byId(actor.unitId()).orElseThrow();
        List<Folded> all = cache.get(
                cache.version(),
                "pick:" + top.id(),
                () -> directory.allIn(top).stream()
                        .map(u -> new Folded(
                                u,
                                " " + TextFolding.words(u.name()) + " "
                                        + u.code().toLowerCase(Locale.ROOT)))
                        .toList());
        Locale locale = LocaleContextHolder.getLocale();
        List<Folded> found = new ArrayList<>();
        for (Folded f : all) {
            if (matches(f.text(), words)) {
                found.add(f);
            }
        }
        return found.stream()
                .sorted(Comparator.comparing((Folded f) -> !f.unit().active())
                        .thenComparing(f -> f.unit().level()))
                .limit(LIMIT)
                .map(f -> new Choice(
                        f.unit().code(),
                        f.unit().name(),
                        messages.getMessage("enum.Level." + f.unit().level(), null, "", locale) + " · "
                                + f.unit().code()))
                .toList();
    }

    /** Every word typed starts a word of the unit's name, or is part of its code. */
    private static boolean matches(String text, String[] words) {
        for (String w : words) {
            if (!text.contains(" " + w)) {
                return false;
            }
        }
        return true;
    }
}
