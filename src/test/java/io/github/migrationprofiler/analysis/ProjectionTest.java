package io.github.migrationprofiler.analysis;

import io.github.migrationprofiler.result.Projection.Model;
import io.github.migrationprofiler.result.Projection.Point;
import io.github.migrationprofiler.result.Projection;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ProjectionTest {

    @Test
    void linearWorkIsExtrapolatedFromTheFitWithARangeAroundIt() {
        // 2 ms fixed, 0.01 ms a row
        Projection p = ProjectionFit.fit(Model.LINEAR, "public.items",
                List.of(new Point(25_000, 252), new Point(50_000, 502), new Point(100_000, 1002)), 40_000_000);

        assertThat(p.model()).isEqualTo(Model.LINEAR);
        assertThat(p.a()).isCloseTo(2, within(0.01));
        assertThat(p.millis()).isCloseTo(400_002, within(1.0));
        assertThat(p.fit()).isEqualTo(1.0);
        assertThat(p.lowMillis()).isCloseTo(400_002 * (1 - ProjectionFit.MIN_BELOW), within(1.0));
        assertThat(p.highMillis()).isCloseTo(400_002 * (1 + ProjectionFit.MIN_ABOVE), within(1.0));
        assertThat(p.at(100_000)).isCloseTo(1002, within(0.01));
        assertThat(p.notes()).isEmpty();
        assertThat(p.describe()).isEqualTo("about 6 min 40 s (5 min 40 s – 8 min 40 s) at 40,000,000 rows");
    }

    @Test
    void aCostMeasuredApartRaisesTheProjectionAndItsHighEndButNotItsLowEnd() {
        Projection p = ProjectionFit.fit(Model.LINEAR, "public.items",
                List.of(new Point(25_000, 252), new Point(50_000, 502), new Point(100_000, 1002)), 40_000_000);

        Projection probed = p.plus(60_000, "probing a larger hash");

        assertThat(probed.millis()).isCloseTo(p.millis() + 60_000, within(0.01));
        assertThat(probed.highMillis()).isCloseTo(p.highMillis() + 60_000, within(0.01));
        assertThat(probed.lowMillis()).as("the points alone are the floor").isEqualTo(p.lowMillis());
        assertThat(probed.notes()).containsExactly("probing a larger hash");
        assertThat(probed.at(100_000)).as("the fitted curve stays the points'").isEqualTo(p.at(100_000));
    }

    @Test
    void pointsWhoseCostPerRowDiffersWidenTheRangeToEachPointsOwnSlope() {
        Projection p = ProjectionFit.fit(Model.LINEAR, "t", List.of(new Point(10_000, 100), new Point(20_000, 150), new Point(40_000, 400)),
                4_000_000);

        double steepest = 400.0 / 40_000 * 4_000_000; // through the origin, the last point's cost per row
        assertThat(p.highMillis()).isGreaterThanOrEqualTo(steepest * 0.99);
        assertThat(p.lowMillis()).isLessThan(p.millis());
    }

    @Test
    void indexBuildsGrowAsNLogN() {
        double perUnit = 0.001;
        List<Point> points = List.of(10_000L, 20_000L, 40_000L).stream()
                .map(n -> new Point(n, 5 + perUnit * n * Math.log(n))).toList();

        Projection p = ProjectionFit.fit(Model.N_LOG_N, "t", points, 4_000_000);

        assertThat(p.millis()).isCloseTo(5 + perUnit * 4_000_000 * Math.log(4_000_000), within(1.0));
        assertThat(p.millis()).as("faster than linear").isGreaterThan(5 + (points.get(2).millis() - 5) * 100);
    }

    @Test
    void tableWorkKeepsItsModelThroughNoiseButNotThroughShrinking() {
        Projection noisy = ProjectionFit.fit(Model.N_LOG_N, "t", List.of(new Point(313, 1.206), new Point(625, 1.205),
                new Point(1_250, 1.623)), 1_000_000);
        assertThat(noisy.model()).as("an index build grows, however little these sizes show it").isEqualTo(Model.N_LOG_N);
        assertThat(noisy.millis()).isGreaterThan(100);

        Projection shrinking = ProjectionFit.fit(Model.LINEAR, "t", List.of(new Point(10_000, 3.3), new Point(20_000, 2.9),
                new Point(40_000, 3.1)), 4_000_000);
        assertThat(shrinking.model()).isEqualTo(Model.CONSTANT);
        assertThat(shrinking.millis()).as("the median").isEqualTo(3.1);
        assertThat(shrinking.lowMillis()).isEqualTo(2.9);
        assertThat(shrinking.highMillis()).isEqualTo(3.3);
        assertThat(shrinking.notes()).singleElement().asString().startsWith("did not grow across the measured sizes (10000 to 40000 rows)");
    }

    @Test
    void catalogWorkThatGrowsAfterAllIsProjectedAsLinearAndSaysSo() {
        Projection p = ProjectionFit.fit(Model.CONSTANT, "t", List.of(new Point(10_000, 10), new Point(20_000, 20), new Point(40_000, 40)),
                400_000);

        assertThat(p.model()).isEqualTo(Model.LINEAR);
        assertThat(p.millis()).isCloseTo(400, within(0.5));
        assertThat(p.notes()).singleElement().asString().contains("no table work");
    }

    @Test
    void pointsThatContradictTheModelAreSaidAndWidenTheRange() {
        Projection scattered = ProjectionFit.fit(Model.LINEAR, "t",
                List.of(new Point(10_000, 50), new Point(20_000, 20), new Point(40_000, 120)), 4_000_000);
        assertThat(scattered.notes()).anyMatch(n -> n.contains("do not follow a + b·n well"));
        assertThat(scattered.highMillis()).isGreaterThanOrEqualTo(2 * scattered.millis());

        Projection accelerating = ProjectionFit.fit(Model.LINEAR, "t",
                List.of(new Point(10_000, 10), new Point(20_000, 22), new Point(40_000, 60)), 4_000_000);
        assertThat(accelerating.notes()).anyMatch(n -> n.contains("runtime per row grew"));
        assertThat(accelerating.highMillis()).isGreaterThanOrEqualTo(1.5 * accelerating.millis());
    }

    @Test
    void farBeyondTheMeasuredSizesIsLowConfidence() {
        List<Point> points = List.of(new Point(1_000, 10), new Point(2_000, 20), new Point(4_000, 40));

        assertThat(ProjectionFit.fit(Model.LINEAR, "t", points, 4_000_000).lowConfidence()).isFalse();
        Projection far = ProjectionFit.fit(Model.LINEAR, "t", points, 4_000_001);
        assertThat(far.lowConfidence()).isTrue();
        assertThat(far.describe()).endsWith("low confidence");
    }

    @Test
    void shortPointsProjectedFarBeyondThemWidenTheRange() {
        List<Point> points = List.of(new Point(25_000, 40), new Point(50_000, 80), new Point(100_000, 160));

        Projection near = ProjectionFit.fit(Model.LINEAR, "t", points, 10_000_000);
        assertThat(near.notes()).as("100 times: the benchmark's ranges hold there").isEmpty();
        assertThat(near.highMillis()).isCloseTo(near.millis() * (1 + ProjectionFit.MIN_ABOVE), within(0.01));

        Projection far = ProjectionFit.fit(Model.LINEAR, "t", points, 100_000_000);
        assertThat(far.lowMillis()).isCloseTo(far.millis() * (1 - ProjectionFit.SHORT_BELOW), within(0.01));
        assertThat(far.highMillis()).isCloseTo(far.millis() * (1 + ProjectionFit.SHORT_ABOVE), within(0.01));
        assertThat(far.notes()).containsExactly("projected 1,000 times beyond its largest point (160 ms at 100,000 rows): runs this "
                + "short vary from one profile to the next, and the projection by about half with them; range widened (a larger "
                + "seed.scale measures closer)");

        Projection longer = ProjectionFit.fit(Model.LINEAR, "t", List.of(new Point(25_000, 400), new Point(50_000, 800),
                new Point(100_000, 1600)), 100_000_000);
        assertThat(longer.notes()).as("a point of seconds is not noise-bound").isEmpty();
    }

    @Test
    void aSortThatWillSpillWidensTheHighEnd() {
        Projection p = ProjectionFit.spilling(ProjectionFit.fit(Model.N_LOG_N, "t", List.of(new Point(10_000, 10),
                new Point(20_000, 21), new Point(40_000, 44)), 4_000_000), "the sort needs more than maintenance_work_mem");

        assertThat(p.highMillis()).isGreaterThanOrEqualTo(ProjectionFit.SPILL * p.millis() - 0.01);
        assertThat(p.notes()).containsExactly("the sort needs more than maintenance_work_mem; range widened");
    }

    @Test
    void theSentenceSaysWhereTheMeasurementLeadsAndHowLongTheLockIsHeld() {
        Projection p = ProjectionFit.fit(Model.LINEAR, "public.items",
                List.of(new Point(25_000, 130), new Point(50_000, 260), new Point(100_000, 520)), 40_000_000);

        assertThat(p.withLock(p.millis(), "ACCESS EXCLUSIVE").sentence(520))
                .isEqualTo("520 ms at 100,000 rows → about 3 min 28 s (2 min 57 s – 4 min 30 s) at 40,000,000 rows; "
                        + "ACCESS EXCLUSIVE held as long");
        assertThat(p.withLock(1_000, "SHARE").sentence(520)).endsWith("; SHARE held about 1.0 s");
    }
}
