package cn.banshi.catalog;

import java.util.Objects;
import java.util.Optional;

/**
 * A village (村) or urban community (社区) within a town; cases can be located in one.
 *
 * @param id   stable lowercase pinyin slug, unique within the town, e.g. {@code meijiadu}
 * @param name Chinese name, e.g. 梅家渎村
 * @param kind village or community
 */
public record Village(String id, String name, Kind kind) {

    /** {@link #code()} is the JSON form ({@code "village"}, {@code "community"}). */
    public enum Kind {
        VILLAGE("village"),
        COMMUNITY("community");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Optional<Kind> fromCode(String code) {
            for (Kind k : values()) {
                if (k.code.equals(code)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    public Village {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }
}
