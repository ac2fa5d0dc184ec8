package cn.banshi.records;

/** A per-town staff input (an activity, a plan item): its id starts with the year it belongs to. */
public interface TownRecord {
    String id();

    String town();
}
