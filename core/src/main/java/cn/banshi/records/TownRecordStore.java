package cn.banshi.records;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the staff API does with one kind of per-town staff input: create, list a year, change the fields a body
 * names, delete. {@code C} is the kind's changes (absent fields stay as they are).
 */
public interface TownRecordStore<T extends TownRecord, C extends TownRecordStore.Changes> {
    /** The fields a PUT body names; absent ones stay as they are. */
    interface Changes {
        boolean isEmpty();
    }

    void create(T record, String actor, Instant now);

    List<T> list(String town, int year);

    /** Applies the fields present, in one conditional update; empty when there is no such record. */
    Optional<T> update(String town, String id, C changes, String actor, Instant now);

    /** False when there was no such record. */
    boolean delete(String town, String id);
}
