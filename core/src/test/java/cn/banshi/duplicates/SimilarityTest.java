package cn.banshi.duplicates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SimilarityTest {
    private final Similarity similarity = new Similarity(List.of("东湖村", "西山村"));

    @Test
    void fullWidthPunctuationAndCaseDoNotMatter() {
        assertEquals("路灯3号abc", Similarity.normalise("路灯，３号ＡＢＣ！ "));
        assertEquals(1.0, Similarity.score(similarity.fingerprint("路灯，３号坏了！"), similarity.fingerprint("路灯3号坏了")), 1e-9);
    }

    @Test
    void villageNamesDoNotMakeTextsAlike() {
        double withNames = Similarity.score(similarity.fingerprint("东湖村路灯坏了"), similarity.fingerprint("东湖村垃圾没人清"));
        assertEquals(0, withNames, 1e-9);
    }

    @Test
    void aParaphraseScoresAboveAnotherProblemAtTheSamePlace() {
        var query = similarity.fingerprint("村口三组的路灯坏了半个月，晚上太黑");
        var paraphrase = similarity.fingerprint("三组村口路灯不亮有半个月了，夜里漆黑");
        var other = similarity.fingerprint("村口三组的公交站牌被风刮倒了");
        assertTrue(Similarity.score(query, paraphrase) > Similarity.score(query, other));
    }

    @Test
    void topKeepsTheBestAboveTheThresholdAndAtMostTheLimit() {
        var query = similarity.fingerprint("路灯坏了");
        List<String> items = List.of("路灯坏了", "垃圾没人清", "路灯坏了很久", "路灯坏了两天", "路灯坏了三天");
        var top = similarity.top(query, items, similarity::fingerprint, Similarity.THRESHOLD, 2);
        assertEquals(2, top.size());
        assertEquals("路灯坏了", top.get(0).item());
        assertEquals(1.0, top.get(0).score(), 1e-9);
        assertTrue(top.stream().noneMatch(s -> s.item().equals("垃圾没人清")));
        assertEquals(0, Similarity.score(similarity.fingerprint(""), query), 1e-9);
    }
}
