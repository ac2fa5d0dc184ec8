package cn.banshi.activities;

import cn.banshi.records.TownRecord;
import java.time.LocalDate;

/**
 * A measure or activity staff record during the year (a meeting, a rule issued, a legal-education event); its
 * {@link ActivityKind kind} says which (events are what the report counts as 场次).
 * {@code leaderDuty} marks what the principal leaders did as first responsible persons (report section 3).
 * {@code participants} says who took part (groups, not citizens' names).
 */
public record Activity(
        String id,
        String town,
        LocalDate date,
        ActivityTheme theme,
        ActivityKind kind,
        String title,
        String description,
        String place,
        String participants,
        boolean leaderDuty,
        long version)
        implements TownRecord {}
