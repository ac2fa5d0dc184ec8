package cn.banshi.catalog;

import java.util.Objects;

/**
 * A township served by the desk.
 *
 * @param id     stable lowercase slug used in URLs, e.g. {@code gaocheng}
 * @param name   Chinese name, e.g. 高塍镇
 * @param county the county-level city or county it belongs to, e.g. 宜兴市
 */
public record Town(String id, String name, String county) {
    public Town {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(county, "county");
    }
}
