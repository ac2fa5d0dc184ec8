package cn.banshi.intake;

import cn.banshi.errors.Errors;
import cn.banshi.validation.Fields;
import java.time.LocalDate;
import java.util.Set;

/**
 * Cases staff enter for citizens who came by post, in person, by phone or through the 12345 hotline: the
 * real date of receipt (deadlines count from it) and the channel.
 */
public final class StaffReceipts {
    public static final Set<String> CHANNELS = Set.of("post", "in-person", "phone", "hotline-12345", "email", "fax");
    public static final String[] FIELDS = {"receivedOn", "channel"};
    /** Older paper cases belong in the archive, not in a deadline tracker. */
    static final int MAX_AGE_DAYS = 366;

    private StaffReceipts() {}

    public static IntakeService.Receipt parse(Fields f, String actor, LocalDate today) {
        LocalDate receivedOn = f.requiredDate("receivedOn");
        if (receivedOn.isAfter(today)) throw Errors.outOfRange("receivedOn", "不能晚于今天", "must not be in the future");
        if (receivedOn.isBefore(today.minusDays(MAX_AGE_DAYS))) {
            throw Errors.outOfRange("receivedOn", "不能早于一年前", "must be within the last year");
        }
        String channel = f.requiredCode("channel", CHANNELS);
        return new IntakeService.Receipt(channel, receivedOn, actor);
    }
}
