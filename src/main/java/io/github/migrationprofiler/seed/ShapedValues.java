package io.github.migrationprofiler.seed;

import io.github.migrationprofiler.catalog.SqlType;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A column's values shaped like production's, where its statistics are known: NULL in its share
 * of the rows, about its number of distinct values, its commonest values as often as there, in
 * its physical order, and free text as wide. The values themselves come from the column's own
 * generator ({@link ValueFactory}), so they stay ones its rules allow.
 */
final class ShapedValues {

    /** Production's {@code correlation} from which on a column counts as stored in value order. */
    private static final double ORDERED = 0.8;

    private final ValueFactory factory;
    private final long seed;

    ShapedValues(ValueFactory factory, long seed) {
        this.factory = factory;
        this.seed = seed;
    }

    /**
     * The column's values shaped like production's: NULL in its share of the rows (where NULL is
     * allowed), about its number of distinct values, and its commonest values as often as there.
     * Each row draws a prototype (one of the common ones by their frequencies, else one of the rest
     * in turn) and takes the value the column's generator makes for it, so the values stay ones the
     * column's rules allow. {@code null} when the column takes no generated value.
     */
    Values shaped(ValueFactory.Spec spec, int stream, ProductionShape.ColumnShape shape, long rows) {
        Values base = factory.notNull(spec, spec.rules(), stream);
        if (base == null) {
            return null;
        }
        double nulls = spec.column().notNull() || spec.rules().notNull ? 0 : shape.nullFraction();
        long distinct = shape.distinctAmong(rows);
        List<Double> frequencies = shape.commonFrequencies();
        double[] cumulative = new double[frequencies.size()];
        double sum = 0;
        for (int i = 0; i < cumulative.length; i++) {
            sum = Math.min(1, sum + frequencies.get(i) / Math.max(1e-9, 1 - shape.nullFraction())); // of the non-NULL rows
            cumulative[i] = sum;
        }
        int common = cumulative.length;
        long rest = Math.max(1, distinct - common);
        // the rest's prototypes are spread over every row, but only a share of the rows reach them (not NULL, not common)
        double reaching = Math.max(0.01, (1 - nulls) * (1 - (common == 0 ? 0 : cumulative[common - 1])));
        long span = Math.max(1, Math.min(Math.max(rows, 1), Math.round(rest / reaching)));
        int order = physicalOrder(spec, shape);
        Values prototypes = order != 0 ? ordered(spec, stream)
                : widthLike(spec, distinctEnough(spec, base, distinct), shape.avgWidth(), stream);
        long seeded = Math.max(1, rows);
        Values picked = common == 0 && distinct >= rows && order == 0 ? prototypes : (row, out) -> {
            double u = Noise.unit(Noise.at(seed, row, stream + 2000));
            int i = Arrays.binarySearch(cumulative, u);
            int index = i >= 0 ? i + 1 : -i - 1;
            // the rest in turn, not drawn: drawing would repeat some and miss a third of them; where
            // production keeps the column in physical order, in turn along the table, else round robin
            long position = order > 0 ? row : seeded - 1 - Math.min(row, seeded - 1);
            long prototype = index < common ? index
                    : common + (order != 0 ? (long) ((double) position / seeded * span) : Math.floorMod(row, span));
            prototypes.append(prototype, out);
        };
        if (nulls <= 0) {
            return picked;
        }
        int nullStream = stream + 1000;
        return (row, out) -> {
            if (Noise.unit(Noise.at(seed, row, nullStream)) < nulls) {
                out.append(Values.NULL);
            } else {
                picked.append(row, out);
            }
        };
    }

    /**
     * Whether production stores the column in value order: 1 for ascending (keys, creation
     * timestamps: {@code correlation} near 1), -1 for descending, 0 for no order. Only where the
     * seeder can make values that grow with the prototype: numbers, dates and timestamps without a
     * list of allowed values. Index builds sort presorted input faster, and range scans read fewer
     * pages, so the order changes what a migration costs.
     */
    private static int physicalOrder(ValueFactory.Spec spec, ProductionShape.ColumnShape shape) {
        if (shape.correlation() == null || Math.abs(shape.correlation()) < ORDERED || !spec.rules().allowed.isEmpty()
                || spec.column().type().isEnum() || spec.column().type().isArray()) {
            return 0;
        }
        return switch (spec.column().type().name()) {
            case "int2", "int4", "int8", "numeric", "float4", "float8", "date", "timestamp", "timestamptz" ->
                    shape.correlation() > 0 ? 1 : -1;
            default -> 0;
        };
    }

    /** Values that grow with the prototype: the column's key sequence. */
    private Values ordered(ValueFactory.Spec spec, int stream) {
        return factory.notNull(new ValueFactory.Spec(spec.table(), spec.column(), spec.rules(), true, spec.reserved(), spec.json()), spec.rules(), stream);
    }

    /**
     * A generator that makes about {@code wanted} distinct values from as many prototypes. Some
     * draw from a small vocabulary (sixteen countries): for free text, values past the vocabulary
     * get a number, so that production's forty countries stay forty, within the column's length.
     */
    private static Values distinctEnough(ValueFactory.Spec spec, Values base, long wanted) {
        SqlType type = spec.column().type();
        if (!freeText(spec) || wanted <= 1) {
            return base;
        }
        Set<String> seen = new HashSet<>();
        int sample = (int) Math.min(wanted, 2_000);
        StringBuilder text = new StringBuilder();
        for (int p = 0; p < sample; p++) {
            text.setLength(0);
            base.append(p, text);
            seen.add(text.toString());
        }
        if (seen.size() >= sample * 0.9) {
            return base;
        }
        int vocabulary = seen.size();
        int limit = Math.min(type.length() > 0 ? type.length() : Integer.MAX_VALUE, spec.rules().maxLength);
        return (row, out) -> {
            if (row < vocabulary) {
                base.append(row, out);
                return;
            }
            String suffix = "-" + row;
            int start = out.length();
            base.append(row, out);
            if (out.length() - start + suffix.length() > limit) {
                Values.cut(out, Math.max(start, start + limit - suffix.length()));
            }
            out.append(suffix);
        };
    }

    /** Text whose values no list, pattern or enum fixes: its words and length may be shaped. */
    private static boolean freeText(ValueFactory.Spec spec) {
        return List.of("text", "varchar", "citext").contains(spec.column().type().name()) && spec.rules().allowed.isEmpty()
                && spec.rules().pattern == null;
    }

    private static final String FILLER = " lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt"
            + " ut labore et dolore magna aliqua";

    /**
     * Free text as long as production's on average: each value is lengthened with filler words, or
     * cut and tagged with its prototype's number (so that values stay as distinct as they were), to
     * a length drawn around production's average width (a text's width counts one byte of header),
     * within the column's length. Other types keep their generator's width.
     */
    private Values widthLike(ValueFactory.Spec spec, Values values, int avgWidth, int stream) {
        SqlType type = spec.column().type();
        int target = avgWidth - 1;
        if (!freeText(spec) || target <= 0) {
            return values;
        }
        int limit = Math.min(type.length() > 0 ? type.length() : Integer.MAX_VALUE, spec.rules().maxLength);
        return (row, out) -> {
            int start = out.length();
            values.append(row, out);
            int length = (int) Math.min(limit, Math.max(1, Math.round(target * (0.5 + Noise.unit(Noise.at(seed, row, stream + 4000))))));
            while (out.length() - start < length) {
                out.append(FILLER, 0, Math.min(FILLER.length(), length - (out.length() - start)));
            }
            if (out.length() - start > length) {
                String tag = " " + Long.toString(row, 36);
                Values.cut(out, start + Math.max(1, length - tag.length()));
                out.append(tag);
            }
        };
    }
}
