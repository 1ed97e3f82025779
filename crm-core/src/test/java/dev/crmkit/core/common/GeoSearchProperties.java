package dev.crmkit.core.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

/**
 * The box storage reads is never too small: every point within the radius lies in {@link GeoBox#around}, anywhere
 * on earth (poles and antimeridian included), so reading the box and keeping the circle equals checking every point.
 */
class GeoSearchProperties {
    @Provide
    Arbitrary<GeoPoint> points() {
        // Whole degrees now and then, so poles and the antimeridian come up, and any point otherwise.
        Arbitrary<Double> lat = Arbitraries.oneOf(Arbitraries.doubles().between(-90, 90),
                Arbitraries.of(-90.0, 90.0, 89.99, -89.99, 0.0));
        Arbitrary<Double> lon = Arbitraries.oneOf(Arbitraries.doubles().between(-180, 180),
                Arbitraries.of(-180.0, 180.0, 179.99, -179.99, 0.0));
        return Combinators.combine(lat, lon).as(GeoPoint::new);
    }

    @Provide
    Arbitrary<List<GeoPoint>> manyPoints() {
        return points().list().ofMaxSize(60);
    }

    @Property(tries = 2000)
    void everyPointWithinTheRadiusLiesInTheBox(@ForAll("points") GeoPoint center, @ForAll("points") GeoPoint p,
                                               @ForAll @DoubleRange(min = 0.01, max = GeoSearch.MAX_KM) double km) {
        if (center.distanceKm(p) <= km) {
            assertThat(GeoBox.around(center, km).contains(p)).as("%s within %s km of %s", p, km, center).isTrue();
        }
    }

    @Property(tries = 300)
    void readingTheBoxThenTheCircleEqualsCheckingEveryPoint(@ForAll("points") GeoPoint center,
            @ForAll("manyPoints") List<GeoPoint> points,
            @ForAll @DoubleRange(min = 1, max = 5000) double km) {
        GeoBox box = GeoBox.around(center, km);
        List<Integer> ids = IntStream.range(0, points.size()).boxed().toList();
        List<Integer> inBox = ids.stream().filter(i -> box.contains(points.get(i))).toList();
        List<Integer> expected = ids.stream().filter(i -> center.distanceKm(points.get(i)) <= km)
                .sorted(Comparator.<Integer>comparingDouble(i -> center.distanceKm(points.get(i)))
                        .thenComparing(i -> i)).toList();

        assertThat(GeoSearch.nearest(inBox, points::get, i -> i, center, km, 1000))
                .extracting(Nearby::record).containsExactlyElementsOf(expected);
    }
}
