package cn.banshi.records;

import java.time.Instant;
import java.util.Optional;

/** A store of one document per town and year ({@link YearDocumentTable}), as its handler uses it. */
public interface YearDocuments<T> {
    /** Replaces the year's document in one write. */
    void put(String town, T document, String actor, Instant now);

    Optional<T> find(String town, int year);
}
