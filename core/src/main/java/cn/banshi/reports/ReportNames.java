package cn.banshi.reports;

import java.util.regex.Pattern;

/** The checks every report store applies before a town and year name a folder or an object key. */
final class ReportNames {
    private static final Pattern TOWN = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    private ReportNames() {}

    static String town(String town) {
        if (town == null || !TOWN.matcher(town).matches()) throw new IllegalArgumentException("bad town id");
        return town;
    }

    static int year(int year) {
        if (year < 2000 || year > 2100) throw new IllegalArgumentException("bad year");
        return year;
    }
}
