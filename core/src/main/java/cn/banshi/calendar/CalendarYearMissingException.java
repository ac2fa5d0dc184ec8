package cn.banshi.calendar;

/**
 * A date falls in a year for which the working-day calendar has no State Council arrangement. The
 * calendar never guesses: an administrator must load that year's notice first.
 */
public class CalendarYearMissingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int year;

    public CalendarYearMissingException(int year) {
        super("No working-day arrangement loaded for year " + year
                + " (尚未录入" + year + "年节假日安排)");
        this.year = year;
    }

    public int year() {
        return year;
    }
}
