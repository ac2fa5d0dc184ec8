package cn.banshi.activities;

import cn.banshi.records.TownRecordStore;
import cn.banshi.validation.Fields;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.IntFunction;

/** Reads the staff API's activity bodies: all fields on POST, any subset on PUT. */
public final class ActivityForms {
    static final String[] FIELDS = {
        "date", "theme", "kind", "title", "description", "place", "participants", "leaderDuty"
    };

    private ActivityForms() {}

    /** The fields of a body; on PUT absent fields stay as they are. */
    public record Changes(
            Optional<LocalDate> date,
            Optional<ActivityTheme> theme,
            Optional<ActivityKind> kind,
            Optional<String> title,
            Optional<String> description,
            Optional<String> place,
            Optional<String> participants,
            Optional<Boolean> leaderDuty)
            implements TownRecordStore.Changes {
        @Override
        public boolean isEmpty() {
            return date.isEmpty()
                    && theme.isEmpty()
                    && kind.isEmpty()
                    && title.isEmpty()
                    && description.isEmpty()
                    && place.isEmpty()
                    && participants.isEmpty()
                    && leaderDuty.isEmpty();
        }
    }

    public static Changes read(Fields body) {
        Fields f = body.allowOnly(FIELDS);
        return new Changes(
                f.optionalDate("date"),
                f.optionalCode("theme", ActivityTheme.codes())
                        .map(c -> ActivityTheme.find(c).orElseThrow()),
                f.optionalCode("kind", ActivityKind.codes())
                        .map(c -> ActivityKind.find(c).orElseThrow()),
                f.optionalString("title", 2, 100),
                f.optionalString("description", 1, 2000),
                f.optionalString("place", 1, 100),
                f.optionalString("participants", 1, 200),
                f.optionalBoolean("leaderDuty"));
    }

    /** A new activity: date, theme and title are required; the kind is a standing measure unless given. */
    public static Activity create(Fields body, String town, IntFunction<String> newId) {
        Fields f = body.allowOnly(FIELDS);
        LocalDate date = f.requiredDate("date");
        ActivityTheme theme = ActivityTheme.find(f.requiredCode("theme", ActivityTheme.codes()))
                .orElseThrow();
        ActivityKind kind = f.optionalCode("kind", ActivityKind.codes())
                .map(c -> ActivityKind.find(c).orElseThrow())
                .orElse(ActivityKind.MEASURE);
        String title = f.requiredString("title", 2, 100);
        String description = f.optionalString("description", 1, 2000).orElse(null);
        String place = f.optionalString("place", 1, 100).orElse(null);
        String participants = f.optionalString("participants", 1, 200).orElse(null);
        boolean leaderDuty = f.optionalBoolean("leaderDuty").orElse(theme == ActivityTheme.LEADERSHIP_DUTY);
        return new Activity(
                newId.apply(date.getYear()),
                town,
                date,
                theme,
                kind,
                title,
                description,
                place,
                participants,
                leaderDuty,
                1);
    }
}
