package dev.crmkit.core.memory;

import dev.crmkit.core.common.GeoBox;
import dev.crmkit.core.common.GeoPoint;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory geo index: one-degree cells (about 111 km of latitude) as hash keys, so a radius query reads the
 * cells its box covers instead of every row. At most 181 × 361 cells, even for a box around a pole.
 */
final class GeoCells {
    private GeoCells() {
    }

    /** The cell of {@code p}; none for a record without a position. */
    static List<Integer> of(@Nullable GeoPoint p) {
        return p == null ? List.of() : List.of(cell((int) Math.floor(p.latitude()), (int) Math.floor(p.longitude())));
    }

    /** Every cell a point of {@code box} can lie in. */
    static List<Integer> covering(GeoBox box) {
        List<Integer> cells = new ArrayList<>();
        for (GeoBox part : box.unwrapped()) {
            for (int lat = (int) Math.floor(part.south()); lat <= (int) Math.floor(part.north()); lat++) {
                for (int lon = (int) Math.floor(part.west()); lon <= (int) Math.floor(part.east()); lon++) {
                    cells.add(cell(lat, lon));
                }
            }
        }
        return cells;
    }

    private static int cell(int lat, int lon) {
        return (lat + 90) * 1000 + lon + 180;
    }
}
