package cn.banshi.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A subject category of a town's catalog (e.g. 生态环境, 邻里纠纷) with the case types it applies to and
 * the default time limit for each of those types.
 *
 * <p>Invariants, checked on construction: at least one type, no duplicates, never
 * {@link CaseType#INFO_REQUEST}; {@code limits} has exactly one entry per type.
 *
 * @param id     stable kebab-case English id, unique within the town
 * @param name   Chinese name
 * @param types  the case types, in {@link CaseType} declaration order (unmodifiable)
 * @param limits the time limit for each type (unmodifiable, in {@link CaseType} order)
 */
public record Category(String id, String name, List<CaseType> types, Map<CaseType, TimeLimit> limits) {

    public Category {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(types, "types");
        Objects.requireNonNull(limits, "limits");
        if (types.isEmpty()) {
            throw new IllegalArgumentException("category " + id + " has no case types");
        }
        EnumSet<CaseType> set = EnumSet.noneOf(CaseType.class);
        for (CaseType t : types) {
            if (!t.hasCategories()) {
                throw new IllegalArgumentException("category " + id + ": type " + t.code() + " cannot have categories");
            }
            if (!set.add(t)) {
                throw new IllegalArgumentException("category " + id + ": duplicate type " + t.code());
            }
        }
        if (!set.equals(limits.isEmpty() ? EnumSet.noneOf(CaseType.class) : EnumSet.copyOf(limits.keySet()))) {
            throw new IllegalArgumentException(
                    "category " + id + ": limits " + limits.keySet() + " must cover exactly its types " + set);
        }
        types = Collections.unmodifiableList(new ArrayList<>(set));
        limits = Collections.unmodifiableMap(new EnumMap<>(limits));
    }

    /** Whether cases of this type can be filed under this category. */
    public boolean appliesTo(CaseType type) {
        return type != null && limits.containsKey(type);
    }

    /** The default time limit for cases of {@code type}; empty if the category does not apply to it. */
    public Optional<TimeLimit> limitFor(CaseType type) {
        return type == null ? Optional.empty() : Optional.ofNullable(limits.get(type));
    }
}
