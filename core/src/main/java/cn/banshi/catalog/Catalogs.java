package cn.banshi.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A set of town catalogs, keyed by town id. {@link #bundled()} gives the towns shipped with banshi:
 * {@value #INDEX} lists one town id per line (blank lines and {@code #} comments ignored) and each town's
 * catalog is {@code cn/banshi/catalog/<id>.json}. The bundled towns are loaded and validated together on
 * first use and then cached for the life of the class loader (a warm Lambda container pays this once).
 * A missing or malformed bundled catalog is a build defect and fails the first call with
 * {@link IllegalStateException}. Immutable and thread-safe.
 */
public final class Catalogs {

    /** Classpath resource listing the bundled town ids. */
    public static final String INDEX = "cn/banshi/catalog/towns.txt";

    private final Map<String, Catalog> towns;

    private Catalogs(Map<String, Catalog> towns) {
        this.towns = towns;
    }

    private static final class Holder {
        static final Catalogs BUNDLED = load(Catalogs.class.getClassLoader());
    }

    /** The towns bundled on the classpath, loaded once and cached. */
    public static Catalogs bundled() {
        return Holder.BUNDLED;
    }

    /** A set of catalogs built in code (tests, tools); town ids must be unique. */
    public static Catalogs of(Catalog... catalogs) {
        Map<String, Catalog> towns = new LinkedHashMap<>();
        for (Catalog c : catalogs) {
            if (towns.put(c.town().id(), c) != null) {
                throw new IllegalArgumentException("duplicate town " + c.town().id());
            }
        }
        return new Catalogs(Collections.unmodifiableMap(towns));
    }

    /** The catalog of the town with the given id; empty for {@code null} or an unknown id. */
    public Optional<Catalog> town(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(towns.get(id));
    }

    /** Ids of all towns, in the order of {@value #INDEX} (unmodifiable). */
    public Set<String> townIds() {
        return towns.keySet();
    }

    /** Loads, uncached, every town listed in {@value #INDEX} from {@code loader}. */
    public static Catalogs load(ClassLoader loader) {
        Map<String, Catalog> towns = new LinkedHashMap<>();
        for (String id : readIndex(loader)) {
            String path = "cn/banshi/catalog/" + id + ".json";
            try (InputStream in = loader.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException(
                            "town " + id + " is listed in " + INDEX + " but " + path + " is missing");
                }
                Catalog catalog = CatalogJson.read(in);
                if (!catalog.town().id().equals(id)) {
                    throw new IllegalStateException(
                            path + " declares town id " + catalog.town().id());
                }
                if (towns.put(id, catalog) != null) {
                    throw new IllegalStateException("town " + id + " is listed twice in " + INDEX);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("invalid catalog " + path + ": " + e.getMessage(), e);
            }
        }
        return new Catalogs(Collections.unmodifiableMap(towns));
    }

    private static List<String> readIndex(ClassLoader loader) {
        InputStream in = loader.getResourceAsStream(INDEX);
        if (in == null) {
            throw new IllegalStateException("missing classpath resource " + INDEX);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + INDEX, e);
        }
    }
}
