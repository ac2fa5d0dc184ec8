package cn.banshi.batch.findings;

import java.time.LocalDate;
import java.util.Map;

/**
 * A shortcoming the data shows: a title and the sentences stating it with its figures and likely cause, the
 * figures themselves, and the arrangement that remedies it next year.
 */
public record Finding(String code, String title, String text, Map<String, Object> figures, Remedy remedy) {

    /** The next year's plan item that answers the finding. */
    public record Remedy(String title, String description, String owner, String place, LocalDate targetDate) {}
}
