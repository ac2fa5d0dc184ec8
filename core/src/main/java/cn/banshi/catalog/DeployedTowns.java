package cn.banshi.catalog;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The towns one deployment serves: env BANSHI_TOWNS (comma-separated town ids, the SAM template's Towns
 * parameter), else every town of the bundled catalog. An id the catalog does not know is a deployment error
 * and fails at start-up, not at the first sweep, sign-in or report run.
 */
public final class DeployedTowns {
    public static final String ENV = "BANSHI_TOWNS";

    private DeployedTowns() {}

    public static Set<String> fromEnvironment(Catalogs catalogs) {
        return parse(System.getenv(ENV), catalogs);
    }

    /** The towns a comma-separated list names (each checked against the catalog), or every town for null or blank. */
    public static Set<String> parse(String configured, Catalogs catalogs) {
        if (configured == null || configured.isBlank()) return catalogs.townIds();
        Set<String> towns = new LinkedHashSet<>();
        for (String id : Arrays.stream(configured.split(","))
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .toList()) {
            if (catalogs.town(id).isEmpty()) {
                throw new IllegalStateException(ENV + " names town '" + id + "', which is not in the catalog "
                        + List.copyOf(catalogs.townIds()));
            }
            towns.add(id);
        }
        return Collections.unmodifiableSet(towns);
    }
}
