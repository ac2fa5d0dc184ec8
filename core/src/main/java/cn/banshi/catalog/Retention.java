package cn.banshi.catalog;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;

/**
 * How many years after a case is finished its personal attributes are kept, per case type (PIPL Art. 19, 47). A town's
 * catalog may override the defaults ({@code "retention": {"petition": 30}}); the defaults and their legal basis are in
 * docs/personal-data.md. The personal data of a case finished on {@code finishedOn} may be erased from the day after
 * {@code finishedOn} plus the period ({@link #erasableOn}); 29 February plus whole years ends on 28 February.
 */
public record Retention(Map<CaseType, Integer> years) {
    public static final int MIN_YEARS = 1;
    public static final int MAX_YEARS = 100;

    /** Complaints, help, enquiries, suggestions and information requests 3 years, disputes 5, petitions 10. */
    public static final Retention DEFAULTS = new Retention(defaultYears());

    public Retention {
        if (!years.keySet().containsAll(EnumSet.allOf(CaseType.class))) {
            throw new IllegalArgumentException("retention: every case type needs a period");
        }
        for (Map.Entry<CaseType, Integer> e : years.entrySet()) {
            if (e.getValue() < MIN_YEARS || e.getValue() > MAX_YEARS) {
                throw new IllegalArgumentException("retention " + e.getKey().code() + ": years out of range");
            }
        }
        years = Collections.unmodifiableMap(new EnumMap<>(years));
    }

    private static Map<CaseType, Integer> defaultYears() {
        Map<CaseType, Integer> y = new EnumMap<>(CaseType.class);
        for (CaseType t : CaseType.values()) y.put(t, 3);
        y.put(CaseType.DISPUTE, 5);
        y.put(CaseType.PETITION, 10);
        return y;
    }

    /** These periods with {@code overrides} in their place. */
    public Retention with(Map<CaseType, Integer> overrides) {
        Map<CaseType, Integer> y = new EnumMap<>(years);
        y.putAll(overrides);
        return new Retention(y);
    }

    public int yearsFor(CaseType type) {
        return years.get(type);
    }

    /** The first day on which the personal data of a case of {@code type} finished on {@code finishedOn} may go. */
    public LocalDate erasableOn(CaseType type, LocalDate finishedOn) {
        return finishedOn.plusYears(yearsFor(type)).plusDays(1);
    }

    /** The shortest period of any type: no case received after {@code today} minus it can be due for erasure. */
    public int shortestYears() {
        return years.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
    }
}
