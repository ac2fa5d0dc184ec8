package cn.banshi.personaldata.migration;

import cn.banshi.personaldata.ProtectedAttributes;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One table the migration seals: its protected attributes, the attribute other writes change (the optimistic lock its
 * conditional update checks, beside the protected values themselves), other attributes the after-seal step reads, that
 * step (the cases file their beacons in the people index), and which of the table's items hold them (the records table
 * also holds items of other kinds). The migration reads only these attributes (a projection: its role's Scan is limited
 * to them) and writes only the protected ones.
 */
public record Reseal(
        ProtectedAttributes attributes,
        String lockAttribute,
        List<String> alsoRead,
        Consumer<Map<String, AttributeValue>> afterSeal,
        Predicate<Map<String, AttributeValue>> holds) {

    /** A table whose every item may hold the protected attributes. */
    public Reseal(
            ProtectedAttributes attributes,
            String lockAttribute,
            List<String> alsoRead,
            Consumer<Map<String, AttributeValue>> afterSeal) {
        this(attributes, lockAttribute, alsoRead, afterSeal, item -> true);
    }

    /** Every attribute the migration reads: keys, protected attributes, the lock and {@link #alsoRead}. */
    public List<String> projection() {
        Set<String> all = new LinkedHashSet<>(attributes.keyAttributes());
        all.addAll(attributes.attributes());
        all.add(lockAttribute);
        all.addAll(alsoRead);
        return List.copyOf(all);
    }
}
