package cn.banshi.sameperson;

import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.CaseStore;
import cn.banshi.cases.StoredCases;
import cn.banshi.personaldata.PersonIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The same town's other cases of the same person (同一当事人的其他事项): cases sharing a phone, ID number or credit
 * code with a given case, found through the people index's keyed beacons (never a plaintext lookup) and confirmed
 * on the decrypted cases (a truncated beacon may collide; a corrected phone leaves its old entry). For repeat
 * petitions and duplicate requests: {@link #otherCases}.
 */
public final class SamePersonService {
    /** At most this many other cases are read and returned, newest first. */
    public static final int LIMIT = 50;

    private final CaseStore cases;
    private final PersonIndex people;
    private final StoredCases stored;

    public SamePersonService(CaseStore cases, PersonIndex people, StoredCases stored) {
        this.cases = cases;
        this.people = people;
        this.stored = stored;
    }

    /** SnapStart priming: a case read and a people-index Query (neither finds anything). */
    public void primeReads() {
        cases.find("snapstart-priming");
        people.find("snapstart-priming", List.of("phone:0"), 1);
    }

    /** The other cases of the town sharing a phone or ID number with {@code c}, newest first (spam excluded). */
    public List<CaseRecord> otherCases(CaseRecord c) {
        List<String> beacons = stored.beacons(c);
        if (beacons.isEmpty()) return List.of();
        Set<String> mine = new HashSet<>(beacons);
        List<CaseRecord> out = new ArrayList<>();
        for (String no : people.find(c.town(), beacons, LIMIT + 1)) {
            if (no.equals(c.trackingNo())) continue;
            cases.find(no)
                    .filter(other -> other.town().equals(c.town()) && !other.isSpam())
                    .filter(other -> stored.beacons(other).stream().anyMatch(mine::contains))
                    .ifPresent(out::add);
        }
        out.sort(Comparator.comparing(CaseRecord::receivedAt).reversed());
        return out.size() > LIMIT ? out.subList(0, LIMIT) : out;
    }
}
