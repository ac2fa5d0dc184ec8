package cn.banshi.duplicates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.duplicates.Similarity.Fingerprint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Measures the suggestion on the labelled set {@code pairs.tsv} (docs/duplicates.md). Every distinct text of the set is
 * a query once; its candidates are all other texts the endpoint would consider (same category and village); the
 * suggestion is the top 5 scoring at least {@link Similarity#THRESHOLD}. A suggested text is correct when a row labelled
 * 1 links it to the query, directly or through other such rows; every other suggestion counts as wrong (texts of
 * different rows were written about different matters, so an unlabelled pair is a non-duplicate). Precision = correct
 * suggestions / all suggestions, recall = correct suggestions / all (query, duplicate) pairs among the candidates.
 */
class LabelledPairsTest {
    record Text(String village, String category, String text) {}

    record Pair(String kind, boolean same, Text a, Text b) {}

    record Figures(double precision, double recall, int suggestions) {}

    private static final List<Pair> PAIRS = new ArrayList<>();
    private static final Map<Text, Text> PARENT = new LinkedHashMap<>();
    private static final Map<Text, Fingerprint> PRINTS = new HashMap<>();
    private static Similarity similarity;

    @BeforeAll
    static void load() throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                LabelledPairsTest.class.getResourceAsStream("pairs.tsv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) continue;
                String[] f = line.split("\t", -1);
                assertEquals(8, f.length, line);
                Pair p = new Pair(f[1], f[2].equals("1"), new Text(f[4], f[3], f[5]), new Text(f[6], f[3], f[7]));
                PAIRS.add(p);
                PARENT.putIfAbsent(p.a(), p.a());
                PARENT.putIfAbsent(p.b(), p.b());
            }
        }
        for (Pair p : PAIRS) if (p.same()) PARENT.put(root(p.a()), root(p.b()));
        Set<String> villages = new LinkedHashSet<>();
        for (Text t : PARENT.keySet()) villages.add(t.village());
        similarity = new Similarity(villages);
        for (Text t : PARENT.keySet()) PRINTS.put(t, similarity.fingerprint(t.text()));
    }

    private static Text root(Text t) {
        while (!PARENT.get(t).equals(t)) t = PARENT.get(t);
        return t;
    }

    private static Figures retrieval(BiPredicate<Text, Text> candidate, int limit) {
        int correct = 0;
        int suggested = 0;
        int relevant = 0;
        List<Text> texts = new ArrayList<>(PARENT.keySet());
        for (Text q : texts) {
            List<Text> candidates = new ArrayList<>();
            for (Text t : texts) if (!t.equals(q) && candidate.test(q, t)) candidates.add(t);
            for (Text t : candidates) if (root(t).equals(root(q))) relevant++;
            for (Similarity.Scored<Text> s :
                    similarity.top(PRINTS.get(q), candidates, PRINTS::get, Similarity.THRESHOLD, limit)) {
                suggested++;
                if (root(s.item()).equals(root(q))) correct++;
            }
        }
        return new Figures((double) correct / suggested, (double) correct / relevant, suggested);
    }

    @Test
    void theSetHasAtLeast300LabelledPairsOfEveryKind() {
        assertTrue(PAIRS.size() >= 300, "pairs: " + PAIRS.size());
        Set<String> kinds = new LinkedHashSet<>();
        for (Pair p : PAIRS) kinds.add(p.kind());
        assertEquals(
                Set.of("paraphrase", "same-place-other-problem", "same-problem-other-village", "short-long", "short"),
                kinds);
    }

    @Test
    void fiveSuggestionsAmongTheEndpointsCandidatesAreAtLeast80PercentRight() {
        Figures f = retrieval(
                (q, t) -> q.village().equals(t.village()) && q.category().equals(t.category()), 5);
        System.out.printf(
                "similar cases, same village and category, top 5 at %.2f: precision %.3f recall %.3f (%d"
                        + " suggestions)%n",
                Similarity.THRESHOLD, f.precision(), f.recall(), f.suggestions());
        assertTrue(f.precision() >= 0.8, "precision " + f.precision());
        assertTrue(f.recall() >= 0.5, "recall " + f.recall());
    }

    @Test
    void textAloneCannotTellTheSameProblemInAnotherVillage() {
        Figures byCategory = retrieval((q, t) -> q.category().equals(t.category()), 5);
        Figures byVillage = retrieval(
                (q, t) -> q.village().equals(t.village()) && q.category().equals(t.category()), 5);
        System.out.printf(
                "similar cases, same category only, top 5 at %.2f: precision %.3f recall %.3f (%d suggestions)%n",
                Similarity.THRESHOLD, byCategory.precision(), byCategory.recall(), byCategory.suggestions());
        assertTrue(byCategory.precision() < byVillage.precision(), "the village filter is what keeps precision up");
    }

    @Test
    void pairwiseFiguresAtTheThreshold() {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int otherVillageAbove = 0;
        int otherVillage = 0;
        for (Pair p : PAIRS) {
            boolean above = Similarity.score(PRINTS.get(p.a()), PRINTS.get(p.b())) >= Similarity.THRESHOLD;
            if (p.kind().equals("same-problem-other-village")) {
                otherVillage++;
                if (above) otherVillageAbove++;
                continue;
            }
            if (above && p.same()) tp++;
            if (above && !p.same()) fp++;
            if (!above && p.same()) fn++;
        }
        System.out.printf(
                "pairs (without other-village pairs) at %.2f: precision %.3f recall %.3f; other-village pairs above"
                        + " the threshold: %d of %d%n",
                Similarity.THRESHOLD,
                (double) tp / (tp + fp),
                (double) tp / (tp + fn),
                otherVillageAbove,
                otherVillage);
        assertTrue((double) tp / (tp + fp) >= 0.8);
    }
}
