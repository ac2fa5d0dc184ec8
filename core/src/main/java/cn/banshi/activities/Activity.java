package cn.banshi.activities;

import cn.banshi.records.TownRecord;
import java.time.LocalDate;

/**
 * A measure or activity staff record during the year (a meeting, a rule issued, a legal-education event).
 * {@code leaderDuty} marks what the principal leaders did as first responsible persons (report section 3).
 * {@code participants} says who took part (groups, not citizens' names).
 */
public record Activity(
        String id,
        String town,
        LocalDate date,
        ActivityTheme theme,
        String title,
        String description,
        String place,
        String participants,
        boolean leaderDuty,
        long version)
        implements TownRecord {}
