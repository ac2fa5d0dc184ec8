package cn.banshi.personaldata.migration;

import cn.banshi.personaldata.ProtectedAttributes;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One table the migration seals: its protected attributes, the attribute every other write changes (the optimistic
 * lock its conditional update checks), other attributes the after-seal step reads, and that step (the cases file
 * their beacons in the people index). The migration reads only these attributes (a projection: its role's Scan is
 * limited to them) and writes only the protected ones.
 */
public record Reseal(
        ProtectedAttributes attributes,
        String lockAttribute,
        List<String> alsoRead,
        Consumer<Map<String, AttributeValue>> afterSeal) {

    /** Every attribute the migration reads: keys, protected attributes, the lock and {@link #alsoRead}. */
    public List<String> projection() {
        Set<String> all = new LinkedHashSet<>(attributes.keyAttributes());
        all.addAll(attributes.attributes());
        all.add(lockAttribute);
        all.addAll(alsoRead);
        return List.copyOf(all);
    }
}
