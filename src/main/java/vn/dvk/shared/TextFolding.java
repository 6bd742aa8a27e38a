package vn.dvk.shared;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Folds Vietnamese text for accent-insensitive search: "Dân vận khéo" and "dan van kheo" fold alike, "đ" to "d". */
public final class TextFolding {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private TextFolding() {}

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String bare = MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
        return SPACES.matcher(bare.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    /**
     * The words of a text, folded: letters and digits only, one space between words ("Camera (an ninh)!" gives
     * "camera an ninh"). What the search columns hold and what a search is split into, so that a search word matches
     * the start of a stored word whichever database compares them.
     */
    public static String words(String text) {
        return NOT_WORD.matcher(fold(text)).replaceAll(" ").trim();
    }

    /** The text's words cut to fit a column of {@code max} characters, at a word boundary. */
    public static String words(String text, int max) {
        String w = words(text);
        if (w.length() <= max) {
            return w;
        }
        int cut = w.lastIndexOf(' ', max);
        return w.substring(0, cut > 0 ? cut : max);
    }
}
