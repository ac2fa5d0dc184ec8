package cn.banshi.testkit.atrest;

import cn.banshi.testkit.logscan.PersonalData;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names to look for in plaintext: a name of three characters or more anywhere in a text; a two-character one as
 * the whole text only, since it can occur inside unrelated prose (谢建 in 感谢建议). Indexed by first characters, so
 * that a text is read once whatever the number of names.
 */
final class NameIndex {
    private final Set<String> whole;
    private final Map<String, List<String>> byStart = new HashMap<>();
    private final BitSet firstChars = new BitSet(Character.MAX_VALUE + 1);

    NameIndex(Set<String> names) {
        this.whole = names;
        for (String n : names) {
            if (n.length() >= 3) {
                byStart.computeIfAbsent(n.substring(0, 3), s -> new ArrayList<>())
                        .add(n);
                firstChars.set(n.charAt(0));
            }
        }
    }

    /** The names {@code text} holds. */
    Set<String> in(String text) {
        if (whole.isEmpty() || text.isEmpty()) return Set.of();
        Set<String> found = new LinkedHashSet<>();
        if (whole.contains(text.strip())) found.add(text.strip());
        for (int i = 0; i + 3 <= text.length(); i++) {
            if (!firstChars.get(text.charAt(i))) continue;
            List<String> candidates = byStart.get(text.substring(i, i + 3));
            if (candidates == null) continue;
            for (String n : candidates) if (text.startsWith(n, i)) found.add(n);
        }
        return found;
    }

    /** {@code text} with the names it holds masked as the log scan masks. */
    String redact(String text) {
        for (String n : in(text)) text = text.replace(n, PersonalData.mask(n));
        return text;
    }
}
