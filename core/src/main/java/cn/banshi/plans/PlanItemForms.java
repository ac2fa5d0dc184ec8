package cn.banshi.plans;

import cn.banshi.records.TownRecordStore;
import cn.banshi.validation.Fields;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.IntFunction;

/** Reads the staff API's plan-item bodies: POST needs title, owner and target date; PUT any subset. */
public final class PlanItemForms {
    static final String[] FIELDS = {"title", "description", "owner", "place", "targetDate", "status"};

    private PlanItemForms() {}

    public record Changes(
            Optional<String> title,
            Optional<String> description,
            Optional<String> owner,
            Optional<String> place,
            Optional<LocalDate> targetDate,
            Optional<PlanStatus> status)
            implements TownRecordStore.Changes {
        @Override
        public boolean isEmpty() {
            return title.isEmpty()
                    && description.isEmpty()
                    && owner.isEmpty()
                    && place.isEmpty()
                    && targetDate.isEmpty()
                    && status.isEmpty();
        }
    }

    public static Changes read(Fields body) {
        Fields f = body.allowOnly(FIELDS);
        return new Changes(
                f.optionalString("title", 2, 100),
                f.optionalString("description", 1, 2000),
                f.optionalString("owner", 1, 50),
                f.optionalString("place", 1, 100),
                f.optionalDate("targetDate"),
                f.optionalCode("status", PlanStatus.codes())
                        .map(c -> PlanStatus.find(c).orElseThrow()));
    }

    public static PlanItem create(Fields body, String town, IntFunction<String> newId) {
        Fields f = body.allowOnly(FIELDS);
        String title = f.requiredString("title", 2, 100);
        String description = f.optionalString("description", 1, 2000).orElse(null);
        String owner = f.requiredString("owner", 1, 50);
        String place = f.optionalString("place", 1, 100).orElse(null);
        LocalDate target = f.requiredDate("targetDate");
        PlanStatus status = f.optionalCode("status", PlanStatus.codes())
                .map(c -> PlanStatus.find(c).orElseThrow())
                .orElse(PlanStatus.NOT_STARTED);
        return new PlanItem(
                newId.apply(target.getYear()),
                town,
                title,
                description,
                owner,
                place,
                target,
                status,
                PlanItem.STAFF,
                1);
    }
}
