package cn.banshi.duplicates;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * How alike two case texts are, for Chinese without a word list: the cosine of the sets of character unigrams and
 * bigrams of the normalised texts (title and description together). Normalising applies NFKC (full-width letters,
 * digits and punctuation become half-width), lower-cases, drops everything that is not a letter or a digit, and cuts
 * the text at every place name given (the town's village names: the village is compared as a field, and a name that
 * every text of a village repeats would only make unrelated texts look alike). The score is {@code |A∩B| / √(|A|·|B|)}
 * in [0, 1]; {@link #THRESHOLD} is the score from which a case is suggested, chosen on the labelled set in the tests
 * (docs/duplicates.md).
 */
public final class Similarity {
    /** The lowest score at which a case is suggested as similar. */
    public static final double THRESHOLD = 0.4;

    private final List<String> placeNames;

    /** A measure that ignores {@code placeNames} (e.g. the town's village names) inside the texts. */
    public Similarity(Collection<String> placeNames) {
        List<String> names = new ArrayList<>();
        for (String name : placeNames) {
            String n = normalise(name);
            if (n.length() >= 2) names.add(n);
        }
        names.sort(Comparator.comparingInt(String::length).reversed());
        this.placeNames = List.copyOf(names);
    }

    /** The unigrams and bigrams of a text; compute once per text and compare many times. */
    public record Fingerprint(Set<String> features) {
        public Fingerprint {
            features = Set.copyOf(features);
        }
    }

    /** A scored item of {@link #top}. */
    public record Scored<T>(T item, double score) {}

    /** The fingerprint of the text made of {@code parts} (e.g. title and description; null parts are skipped). */
    public Fingerprint fingerprint(String... parts) {
        Set<String> features = new HashSet<>();
        for (String part : parts) {
            if (part == null) continue;
            String text = normalise(part);
            for (String name : placeNames) text = text.replace(name, "\u0000");
            for (String piece : text.split("\u0000")) addFeatures(piece, features);
        }
        return new Fingerprint(features);
    }

    /** The cosine of the two feature sets; 0 when either is empty. */
    public static double score(Fingerprint a, Fingerprint b) {
        if (a.features().isEmpty() || b.features().isEmpty()) return 0;
        Set<String> small = a.features().size() <= b.features().size() ? a.features() : b.features();
        Set<String> large = small == a.features() ? b.features() : a.features();
        int shared = 0;
        for (String f : small) if (large.contains(f)) shared++;
        return shared / Math.sqrt((double) a.features().size() * b.features().size());
    }

    /**
     * The at most {@code limit} items whose text scores at least {@code threshold} against {@code query}, best first
     * (ties keep the items' order).
     */
    public <T> List<Scored<T>> top(
            Fingerprint query, List<T> items, Function<T, Fingerprint> text, double threshold, int limit) {
        List<Scored<T>> scored = new ArrayList<>();
        for (T item : items) {
            double s = score(query, text.apply(item));
            if (s >= threshold) scored.add(new Scored<>(item, s));
        }
        scored.sort(Comparator.comparingDouble((Scored<T> s) -> s.score()).reversed());
        return List.copyOf(scored.subList(0, Math.min(limit, scored.size())));
    }

    /** NFKC, lower case, letters and digits only. */
    static String normalise(String text) {
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(n.length());
        n.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static void addFeatures(String piece, Set<String> features) {
        int[] cps = piece.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            features.add(new String(cps, i, 1));
            if (i + 1 < cps.length) features.add(new String(cps, i, 2));
        }
    }
}
