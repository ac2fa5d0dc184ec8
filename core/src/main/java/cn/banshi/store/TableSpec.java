package cn.banshi.store;

import java.util.List;

/** A table's key schema and global secondary indexes. All keys are strings. */
public record TableSpec(
        String name, String partitionKey, String sortKey, List<IndexSpec> indexes, String ttlAttribute) {

    /** A global secondary index, projecting all attributes. */
    public record IndexSpec(String name, String partitionKey, String sortKey) {}

    public IndexSpec index(String indexName) {
        return indexes.stream()
                .filter(i -> i.name().equals(indexName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No index " + indexName + " on " + name));
    }
}
