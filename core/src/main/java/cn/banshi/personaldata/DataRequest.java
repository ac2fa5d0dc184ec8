package cn.banshi.personaldata;

import cn.banshi.calendar.Deadlines;
import cn.banshi.calendar.Due;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

/**
 * A citizen's request about the personal data banshi holds on their case (PIPL Art. 46 correction, Art. 47 deletion),
 * made from the tracking page: a staff task due {@value #WORKING_DAYS} working days after the day it was received.
 * {@code text} is the citizen's words (personal: shown to town admins on the case, erased with the case's personal data,
 * null then); {@code answer} the town's reply, which the citizen reads on the tracking page. The due date is counted on
 * reading with the calendar in force, so it is provisional while the count passes through a year whose notice is not
 * loaded and final once it is.
 */
public record DataRequest(
        String id,
        String town,
        String trackingNo,
        Kind kind,
        String text,
        Instant receivedAt,
        LocalDate receivedOn,
        State state,
        String answer,
        Instant answeredAt,
        String answeredBy) {

    /** This product's rule for a timely answer (PIPL Art. 50). */
    public static final int WORKING_DAYS = 15;

    public Due due(Deadlines deadlines) {
        LocalDate date = deadlines.addWorkingDays(receivedOn, WORKING_DAYS);
        return new Due(date, deadlines.firstProvisionalYear(receivedOn, date));
    }

    public boolean isOpen() {
        return state == State.OPEN;
    }

    /** This request with the citizen's words removed (null), everything else as it is. */
    public DataRequest withoutText() {
        return new DataRequest(
                id, town, trackingNo, kind, null, receivedAt, receivedOn, state, answer, answeredAt, answeredBy);
    }

    /**
     * This request with the citizen's words and the town's answer removed (null): what is left once the case's
     * personal data is erased (an answer to a correction names the corrected phone or name).
     */
    public DataRequest withoutTexts() {
        return new DataRequest(
                id, town, trackingNo, kind, null, receivedAt, receivedOn, state, null, answeredAt, answeredBy);
    }

    public enum Kind {
        CORRECTION("correction", "更正个人信息"),
        DELETION("deletion", "删除个人信息");

        private final String code;
        private final String nameZh;

        Kind(String code, String nameZh) {
            this.code = code;
            this.nameZh = nameZh;
        }

        public String code() {
            return code;
        }

        public String nameZh() {
            return nameZh;
        }

        public static Optional<Kind> find(String code) {
            return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
        }
    }

    public enum State {
        OPEN("open", "办理中"),
        DONE("done", "已办理"),
        REFUSED("refused", "不予办理");

        private final String code;
        private final String nameZh;

        State(String code, String nameZh) {
            this.code = code;
            this.nameZh = nameZh;
        }

        public String code() {
            return code;
        }

        public String nameZh() {
            return nameZh;
        }

        public static Optional<State> find(String code) {
            return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
        }
    }
}
