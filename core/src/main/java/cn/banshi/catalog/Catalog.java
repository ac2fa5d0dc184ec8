package cn.banshi.catalog;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The catalog of one town: its villages and communities, and the subject categories under which
 * citizens file cases, with the default time limit per category and case type. Immutable.
 *
 * <h2>JSON resource format</h2> (read by {@link CatalogJson})
 * <pre>{@code
 * {"town": {"id": "gaocheng", "name": "高塍镇", "county": "宜兴市"},
 *  "villages": [{"id": "meijiadu", "name": "梅家渎村", "kind": "village"}, ...],
 *  "categories": [
 *    {"id": "environment", "name": "生态环境", "types": ["complaint", "help", ...],
 *     "limits": {"complaint": {"days": 13, "unit": "working"}, "help": {...}, ...}},
 *    {"id": "dispute-neighbour", "name": "邻里纠纷", "types": ["dispute"],
 *     "limit": {"days": 30, "unit": "calendar"}}, ...],
 *  "phoneVerification": ["petition", "dispute"],
 *  "retention": {"petition": 30}}
 * }</pre>
 * {@code "retention"} (optional) overrides the default years personal data is kept after a case of a type is finished
 * ({@link Retention#DEFAULTS}, docs/personal-data.md).
 * {@code "phoneVerification"} (optional) lists the case types whose non-anonymous online submissions need a code sent
 * by SMS (docs/abuse.md).
 * A category's {@code "limit"} is the default for all its types; entries in {@code "limits"} override it
 * per type. Every listed type must end up with a limit, {@code "limits"} may not name a type the category
 * does not list, and {@code info-request} may not be listed. Bundled catalogs are validated when loaded;
 * a malformed one fails with {@link IllegalArgumentException}.
 */
public final class Catalog {

    private final Town town;
    private final List<Village> villages;
    private final List<Category> categories;
    private final Map<String, Village> villagesById;
    private final Map<String, Category> categoriesById;
    private final Set<CaseType> phoneVerification;
    private final Retention retention;

    public Catalog(Town town, List<Village> villages, List<Category> categories) {
        this(town, villages, categories, Set.of());
    }

    /**
     * @param phoneVerification the case types whose non-anonymous online submissions need a verification code sent
     *     by SMS to the submitter's (or applicant's) mobile number (docs/abuse.md)
     */
    public Catalog(Town town, List<Village> villages, List<Category> categories, Set<CaseType> phoneVerification) {
        this(town, villages, categories, phoneVerification, Retention.DEFAULTS);
    }

    /** @param retention the years personal data is kept after a case is finished, per type (docs/personal-data.md) */
    public Catalog(
            Town town,
            List<Village> villages,
            List<Category> categories,
            Set<CaseType> phoneVerification,
            Retention retention) {
        this.retention = Objects.requireNonNull(retention, "retention");
        this.town = Objects.requireNonNull(town, "town");
        this.phoneVerification =
                phoneVerification.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(phoneVerification));
        this.villages = List.copyOf(villages);
        this.categories = List.copyOf(categories);
        Map<String, Village> vs = new LinkedHashMap<>();
        for (Village v : this.villages) {
            if (vs.put(v.id(), v) != null) {
                throw new IllegalArgumentException(town.id() + ": duplicate village id " + v.id());
            }
        }
        Map<String, Category> cs = new LinkedHashMap<>();
        for (Category c : this.categories) {
            if (cs.put(c.id(), c) != null) {
                throw new IllegalArgumentException(town.id() + ": duplicate category id " + c.id());
            }
        }
        this.villagesById = Collections.unmodifiableMap(vs);
        this.categoriesById = Collections.unmodifiableMap(cs);
    }

    public Town town() {
        return town;
    }

    /** Villages and communities in catalog order. */
    public List<Village> villages() {
        return villages;
    }

    /** All categories in catalog order. */
    public List<Category> categories() {
        return categories;
    }

    /** The years personal data is kept after a case is finished, per type. */
    public Retention retention() {
        return retention;
    }

    /** Whether a non-anonymous online submission of {@code type} needs a phone verification code. */
    public boolean requiresVerification(CaseType type) {
        return phoneVerification.contains(type);
    }

    /** The types needing a phone verification code online, in the enum's order. */
    public Set<CaseType> phoneVerification() {
        return phoneVerification;
    }

    public Optional<Village> village(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(villagesById.get(id));
    }

    public Optional<Category> category(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(categoriesById.get(id));
    }

    /** The default time limit for a case of {@code type} filed under the category; empty if either is unknown or they do not fit. */
    public Optional<TimeLimit> limitFor(String categoryId, CaseType type) {
        return category(categoryId).flatMap(c -> c.limitFor(type));
    }

    /** The categories a case of {@code type} can be filed under, in catalog order; empty for {@link CaseType#INFO_REQUEST}. */
    public List<Category> categoriesFor(CaseType type) {
        return categories.stream().filter(c -> c.appliesTo(type)).toList();
    }

    @Override
    public String toString() {
        return "Catalog[" + town.id() + ", " + villages.size() + " villages, " + categories.size() + " categories]";
    }
}
