package dev.crmkit.reporting;

import dev.crmkit.core.common.ValidationException;
import dev.crmkit.reporting.Measure.Aggregate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One pass of a definition over a {@link FactTable}, block by block: filters narrow a keep-mask, the grouped
 * dimensions' codes combine into one {@code long} key per fact (mixed radix), keys map to dense group ids (directly
 * when the key space is small, else through a hash), and each measure folds the block into per-group arrays.
 *
 * <p>Measures restricted by conditions on a few low-cardinality dimensions (clicks = count where kind is AD_CLICK)
 * would each need a masking pass. Instead, when the key space stays small, those dimensions are "split" into the
 * key as extra low-order digits: every measure folds unconditionally, and the end combines, per group, the split
 * cells each measure's conditions allow.
 */
final class Aggregation {
    private static final int BLOCK = 2048;
    /** Largest key space aggregated into arrays indexed by the key itself. */
    private static final long DENSE_MAX = 1 << 22;

    private final FactTable facts;
    private final ReportDefinition def;
    private final Codes[] groupBy;
    private final long[] strides;
    private final boolean dense;
    private final List<Codes> filterColumns = new ArrayList<>();
    private final List<boolean[]> filterAllowed = new ArrayList<>();
    private final Base[] bases;
    /** Number of groups of the grouped dimensions alone. */
    private final long space;
    private final Codes[] split;
    private final long[] splitStrides;
    /** Number of split cells per group; 1 without split (and possibly with it, for one-key columns). */
    private final int splitSpace;

    /** Accumulators of one non-ratio measure. */
    private static final class Base {
        final Measure measure;
        final Numbers numbers;
        final Codes distinct;
        final Codes[] conditionColumns;
        final boolean[][] conditionAllowed;
        /** With split dimensions: which split cells this measure's conditions allow; then no per-fact masking. */
        boolean[] splitAllowed;
        /**
         * The base whose accumulators this one reads: itself, or an earlier one folding the same values (with split
         * cells, clicks and impressions are both the sum of COUNT per cell); null for a COUNT of every kept fact,
         * which is the number of facts per group the pass keeps anyway.
         */
        Base source = this;
        /** Whether some base reading this one's accumulators needs the number of values (AVG, MIN, MAX). */
        boolean needsN;
        long[] acc;
        long[] n;
        LongHashing.Set pairs;

        Base(Measure measure, FactTable facts) {
            this.measure = measure;
            this.numbers = measure.field() == null ? null : facts.numbers(measure.field());
            if (numbers != null && (measure.aggregate() == Measure.Aggregate.SUM
                    || measure.aggregate() == Measure.Aggregate.AVG) && !numbers.sumsFit()) {
                throw Numbers.beyondExactRange();
            }
            this.distinct = measure.of() == null ? null : facts.codes(measure.of());
            List<Codes> columns = new ArrayList<>();
            List<boolean[]> allowed = new ArrayList<>();
            for (Filter f : measure.where()) {
                Codes c = facts.codes(f.dimension());
                boolean[] a = allowed(c, f);
                // a condition every fact meets costs a pass and changes nothing
                if (!allTrue(a)) {
                    columns.add(c);
                    allowed.add(a);
                }
            }
            this.conditionColumns = columns.toArray(Codes[]::new);
            this.conditionAllowed = allowed.toArray(boolean[][]::new);
            if (measure.aggregate() == Aggregate.DISTINCT_COUNT) {
                pairs = new LongHashing.Set();
            }
        }

        void ensure(int groups) {
            if (acc == null) {
                acc = new long[groups];
                n = new long[groups];
                long start = measure.aggregate() == Aggregate.MIN ? Long.MAX_VALUE
                        : measure.aggregate() == Aggregate.MAX ? Long.MIN_VALUE : 0;
                Arrays.fill(acc, start);
            } else if (acc.length < groups) {
                int old = acc.length;
                int size = Math.max(groups, old * 2);
                acc = Arrays.copyOf(acc, size);
                n = Arrays.copyOf(n, size);
                if (measure.aggregate() == Aggregate.MIN || measure.aggregate() == Aggregate.MAX) {
                    Arrays.fill(acc, old, size, measure.aggregate() == Aggregate.MIN ? Long.MAX_VALUE : Long.MIN_VALUE);
                }
            }
        }
    }

    /** How the pass may run; all strategies give the same result, tests force each of them. */
    enum Strategy { BEST, NO_SPLIT, HASH }

    Aggregation(FactTable facts, ReportDefinition def) {
        this(facts, def, Strategy.BEST);
    }

    Aggregation(FactTable facts, ReportDefinition def, Strategy strategy) {
        if (facts.source() != def.source()) {
            throw new IllegalArgumentException("facts of " + facts.source() + " cannot answer " + def.source());
        }
        this.facts = facts;
        this.def = def;
        int k = def.dimensions().size();
        groupBy = new Codes[k];
        strides = new long[k];
        long space = 1;
        for (int i = k - 1; i >= 0; i--) {
            groupBy[i] = facts.codes(def.dimensions().get(i));
            strides[i] = space;
            try {
                space = Math.multiplyExact(space, groupBy[i].cardinality());
            } catch (ArithmeticException e) {
                throw new ValidationException("dimensions", "too many combinations of keys to group by");
            }
        }
        this.space = space;
        for (Filter f : def.filters()) {
            Codes c = facts.codes(f.dimension());
            boolean[] allowed = allowed(c, f);
            if (!allTrue(allowed)) {
                filterColumns.add(c);
                filterAllowed.add(allowed);
            }
        }
        bases = def.measures().stream().filter(m -> m.aggregate() != Aggregate.RATIO)
                .map(m -> new Base(m, facts)).toArray(Base[]::new);
        List<Codes> conditions = new ArrayList<>();
        long cells = 1;
        for (Base b : bases) {
            for (Codes c : b.conditionColumns) {
                if (!conditions.contains(c)) {
                    conditions.add(c);
                    cells = Math.min(cells * c.cardinality(), Integer.MAX_VALUE);
                }
            }
        }
        boolean splitting = strategy == Strategy.BEST && !conditions.isEmpty() && cells <= 256
                && fitsDense(space * cells);
        split = splitting ? conditions.toArray(Codes[]::new) : new Codes[0];
        splitSpace = splitting ? (int) cells : 1;
        splitStrides = new long[split.length];
        long stride = 1;
        for (int i = split.length - 1; i >= 0; i--) {
            splitStrides[i] = stride;
            stride *= split[i].cardinality();
        }
        if (splitting) {
            for (Base b : bases) {
                b.splitAllowed = splitAllowed(b);
            }
        }
        dense = splitting || (strategy != Strategy.HASH && fitsDense(space));
        share(splitting);
        folding = Arrays.stream(bases).filter(b -> b.source == b).toArray(Base[]::new);
        if (dense) {
            int cellsTotal = (int) (space * splitSpace);
            for (Base b : folding) {
                b.ensure(cellsTotal);
            }
            factsPerGroup = new long[cellsTotal];
        }
        groupIds = dense ? null : new LongHashing.Ids(1024);
        cellColumns = new Codes[groupBy.length + split.length];
        cellStrides = new int[cellColumns.length];
        for (int d = 0; d < groupBy.length; d++) {
            cellColumns[d] = groupBy[d];
            cellStrides[d] = (int) (strides[d] * splitSpace);
        }
        for (int d = 0; d < split.length; d++) {
            cellColumns[groupBy.length + d] = split[d];
            cellStrides[groupBy.length + d] = (int) splitStrides[d];
        }
        fused = Arrays.stream(folding).filter(b -> family(b.measure.aggregate()) == Aggregate.SUM
                && (b.splitAllowed != null || b.conditionColumns.length == 0)).findFirst().orElse(null);
    }

    /**
     * A sum folding every kept fact (no conditions left to mask), counted together with the facts per group when
     * the pass is dense and no filter drops facts of a block; null if none.
     */
    private final Base fused;

    /** In a dense pass: the grouped then the split columns, and the stride of each in a cell id. */
    private final Codes[] cellColumns;
    private final int[] cellStrides;

    /** The bases that fold facts; the others read their accumulators or the fact counts. */
    private final Base[] folding;

    /** Points each base at the accumulators it can share (see {@link Base#source}). */
    private void share(boolean splitting) {
        for (int i = 0; i < bases.length; i++) {
            Base b = bases[i];
            boolean unconditional = splitting || b.conditionColumns.length == 0;
            if (b.measure.aggregate() == Aggregate.COUNT && unconditional) {
                b.source = null;
                continue;
            }
            for (int j = 0; j < i && b.source == b; j++) {
                Base other = bases[j];
                if (other.source == other && unconditional && (splitting || other.conditionColumns.length == 0)
                        && family(other.measure.aggregate()) == family(b.measure.aggregate())
                        && other.measure.field() == b.measure.field() && other.measure.of() == b.measure.of()) {
                    b.source = other;
                }
            }
        }
        for (Base b : bases) {
            Aggregate a = b.measure.aggregate();
            if (b.source != null && (a == Aggregate.AVG || a == Aggregate.MIN || a == Aggregate.MAX)) {
                b.source.needsN = true;
            }
        }
    }

    /** Aggregates that fold the same accumulators: SUM and AVG both sum values. */
    private static Aggregate family(Aggregate a) {
        return a == Aggregate.AVG ? Aggregate.SUM : a;
    }

    private boolean fitsDense(long keys) {
        return keys <= DENSE_MAX && keys <= 2L * facts.rows() + 4096;
    }

    /** The split cells whose codes meet every condition of {@code b}. */
    private boolean[] splitAllowed(Base b) {
        boolean[] allowed = new boolean[splitSpace];
        for (int cell = 0; cell < splitSpace; cell++) {
            boolean ok = true;
            for (int c = 0; c < b.conditionColumns.length && ok; c++) {
                int i = Arrays.asList(split).indexOf(b.conditionColumns[c]);
                int code = (int) ((cell / splitStrides[i]) % split[i].cardinality());
                ok = b.conditionAllowed[c][code];
            }
            allowed[cell] = ok;
        }
        return allowed;
    }

    private long[] factsPerGroup;
    private final LongHashing.Ids groupIds;

    private static boolean allTrue(boolean[] allowed) {
        for (boolean a : allowed) {
            if (!a) {
                return false;
            }
        }
        return true;
    }

    private static boolean[] allowed(Codes c, Filter f) {
        boolean[] allowed = new boolean[c.cardinality()];
        for (int code = 0; code < allowed.length; code++) {
            allowed[code] = f.accepts(c.keys[code]);
        }
        return allowed;
    }

    ReportResult run(TimeWindow window) {
        int rows = facts.rows();
        boolean[] all = new boolean[BLOCK];
        Arrays.fill(all, true);
        boolean[] filtered = new boolean[BLOCK];
        boolean[] mask = new boolean[BLOCK];
        long[] keys = dense ? null : new long[BLOCK];
        int[] group = new int[BLOCK];
        for (int start = 0; start < rows; start += BLOCK) {
            int len = Math.min(BLOCK, rows - start);
            boolean[] keep = all;
            for (int f = 0; f < filterColumns.size(); f++) {
                filterColumns.get(f).restrict(start, len, filterAllowed.get(f), keep, filtered);
                keep = filtered;
            }
            if (dense) {
                cellIds(start, len, group);
                if (keep == all && fused != null) {
                    long[] n = fused.needsN ? fused.n : null;
                    fused.numbers.countAndSum(start, len, group, factsPerGroup, fused.acc, n);
                } else {
                    countFacts(len, keep == all ? null : keep, group);
                }
            } else {
                Arrays.fill(keys, 0, len, 0L);
                for (int d = 0; d < groupBy.length; d++) {
                    groupBy[d].addKeys(start, len, strides[d], keys);
                }
                assignGroups(len, keep, keys, group);
            }
            for (Base b : folding) {
                if (b == fused && dense && keep == all) {
                    continue;
                }
                boolean[] m = keep;
                for (int c = 0; b.splitAllowed == null && c < b.conditionColumns.length; c++) {
                    b.conditionColumns[c].restrict(start, len, b.conditionAllowed[c], m, mask);
                    m = mask;
                }
                fold(b, start, len, m, group);
            }
        }
        return result(window);
    }

    /**
     * The dense cell of each fact of the block: the codes of the grouped, then the split columns in mixed radix;
     * two one-byte columns at a time, which halves the passes over the block for typical reports.
     */
    private void cellIds(int start, int len, int[] group) {
        for (int c = 0; c < cellColumns.length; c++) {
            boolean first = c == 0;
            if (c + 1 < cellColumns.length && cellColumns[c] instanceof Codes.Bytes a
                    && cellColumns[c + 1] instanceof Codes.Bytes b) {
                a.groups(start, len, cellStrides[c], b, cellStrides[c + 1], first, group);
                c++;
            } else {
                cellColumns[c].groups(start, len, cellStrides[c], first, group);
            }
        }
    }

    private void countFacts(int len, boolean[] keep, int[] group) {
        long[] counts = factsPerGroup;
        if (keep == null) {
            for (int j = 0; j < len; j++) {
                counts[group[j]]++;
            }
        } else {
            for (int j = 0; j < len; j++) {
                if (keep[j]) {
                    counts[group[j]]++;
                }
            }
        }
    }

    private void assignGroups(int len, boolean[] keep, long[] keys, int[] group) {
        for (int j = 0; j < len; j++) {
            if (keep[j]) {
                group[j] = groupIds.idOf(keys[j]);
            }
        }
        int groups = groupIds.size();
        if (factsPerGroup == null || factsPerGroup.length < groups) {
            factsPerGroup = Arrays.copyOf(factsPerGroup == null ? new long[0] : factsPerGroup,
                    Math.max(groups, factsPerGroup == null ? 1024 : factsPerGroup.length * 2));
        }
        for (Base b : folding) {
            b.ensure(groups);
        }
        countFacts(len, keep, group);
    }

    private static void fold(Base b, int start, int len, boolean[] m, int[] group) {
        switch (b.measure.aggregate()) {
            case COUNT -> {
                long[] acc = b.acc;
                for (int j = 0; j < len; j++) {
                    if (m[j]) {
                        acc[group[j]]++;
                    }
                }
            }
            case SUM, AVG -> b.numbers.sum(start, len, m, group, b.acc, b.needsN ? b.n : null);
            case MIN -> b.numbers.min(start, len, m, group, b.acc, b.n);
            case MAX -> b.numbers.max(start, len, m, group, b.acc, b.n);
            case DISTINCT_COUNT -> {
                long card = b.distinct.cardinality();
                int nullCode = b.distinct.nullCode;
                for (int j = 0; j < len; j++) {
                    if (m[j]) {
                        int code = b.distinct.code(start + j);
                        if (code != nullCode) {
                            b.pairs.add(group[j] * card + code);
                        }
                    }
                }
            }
            case RATIO -> throw new IllegalStateException("ratios are computed from their operands");
        }
    }

    /** Folds the split cells of every group into the group, each measure over the cells it allows. */
    private void collapseSplit() {
        int groups = (int) space;
        int cells = splitSpace;
        for (Base b : bases) {
            Aggregate a = b.measure.aggregate();
            long[] acc = new long[groups];
            long[] n = new long[groups];
            Arrays.fill(acc, a == Aggregate.MIN ? Long.MAX_VALUE : a == Aggregate.MAX ? Long.MIN_VALUE : 0);
            for (int e = 0; e < b.acc.length; e++) {
                if (!b.splitAllowed[e % cells]) {
                    continue;
                }
                int g = e / cells;
                acc[g] = switch (a) {
                    case MIN -> Math.min(acc[g], b.acc[e]);
                    case MAX -> Math.max(acc[g], b.acc[e]);
                    default -> acc[g] + b.acc[e];
                };
                n[g] += b.n == null ? 0 : b.n[e];
            }
            b.acc = acc;
            b.n = n;
            if (b.pairs != null) {
                LongHashing.Set pairs = new LongHashing.Set();
                long card = b.distinct.cardinality();
                b.pairs.forEach(k -> {
                    long e = k / card;
                    if (b.splitAllowed[(int) (e % cells)]) {
                        pairs.add((e / cells) * card + k % card);
                    }
                });
                b.pairs = pairs;
            }
        }
        long[] facts = new long[groups];
        for (int e = 0; e < factsPerGroup.length; e++) {
            facts[e / cells] += factsPerGroup[e];
        }
        factsPerGroup = facts;
    }

    /** Gives every base the accumulators it reads, before the split cells are combined. */
    private void resolveShared() {
        for (Base b : bases) {
            if (b.source == null) {
                b.acc = factsPerGroup;
                b.n = null;
            } else if (b.source != b) {
                b.acc = b.source.acc;
                b.n = b.source.n;
                b.pairs = b.source.pairs;
            }
        }
    }

    private ReportResult result(TimeWindow window) {
        resolveShared();
        if (split.length > 0) {
            collapseSplit();
        }
        int groupCount = dense ? factsPerGroup.length : groupIds.size();
        int present = 0;
        int[] groups = new int[groupCount];
        for (int g = 0; g < groupCount; g++) {
            if (factsPerGroup != null && factsPerGroup[g] > 0) {
                groups[present++] = g;
            }
        }
        groups = inKeyOrder(Arrays.copyOf(groups, present));
        if (groupBy.length == 0 && present == 0) {
            // A report without dimensions always has its one total row, as SQL aggregates do.
            groups = new int[] {0};
            if (factsPerGroup == null || factsPerGroup.length == 0) {
                factsPerGroup = new long[1];
                for (Base b : bases) {
                    b.ensure(1);
                }
            }
        }
        List<Measure> measures = def.measures();
        int maxGroup = groupCount == 0 ? 1 : groupCount;
        Fraction[][] values = new Fraction[measures.size()][];
        for (Base b : bases) {
            Fraction[] byGroup = baseValues(b, maxGroup);
            Fraction[] byRow = new Fraction[groups.length];
            for (int r = 0; r < groups.length; r++) {
                byRow[r] = byGroup[groups[r]];
            }
            values[measures.indexOf(b.measure)] = byRow;
        }
        String[][] keys = new String[groups.length][groupBy.length];
        for (int r = 0; r < groups.length; r++) {
            for (int d = 0; d < groupBy.length; d++) {
                keys[r][d] = key(groups[r], d);
            }
        }
        return Finisher.finish(def, window, keys, values);
    }

    /**
     * {@code groups} ordered by their keys as {@link Finisher} orders rows after its explicit orders (each key
     * ascending, nulls last), so that its sort finds them (nearly) sorted: sorting boxed row numbers through a chain
     * of comparators costs more than the whole pass otherwise. The key order of each dimension's few codes is ranked
     * once; a group's ranks combine in the same mixed radix as its codes.
     */
    private int[] inKeyOrder(int[] groups) {
        if (groups.length < 2 || groupBy.length == 0 || space > Integer.MAX_VALUE) {
            return groups;
        }
        int[][] ranks = new int[groupBy.length][];
        for (int d = 0; d < groupBy.length; d++) {
            String[] keys = groupBy[d].keys;
            Integer[] byKey = new Integer[keys.length];
            Arrays.setAll(byKey, c -> c);
            Arrays.sort(byKey, (a, b) -> keys[a] == null || keys[b] == null
                    ? Boolean.compare(keys[a] == null, keys[b] == null) : keys[a].compareTo(keys[b]));
            ranks[d] = new int[keys.length];
            for (int r = 0; r < byKey.length; r++) {
                ranks[d][byKey[r]] = r;
            }
        }
        long[] ranked = new long[groups.length];
        for (int i = 0; i < groups.length; i++) {
            long k = dense ? groups[i] : groupIds.key(groups[i]);
            long rank = 0;
            for (int d = 0; d < groupBy.length; d++) {
                rank += ranks[d][(int) ((k / strides[d]) % groupBy[d].cardinality())] * strides[d];
            }
            ranked[i] = rank << 32 | groups[i];
        }
        Arrays.sort(ranked);
        int[] sorted = new int[groups.length];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = (int) ranked[i];
        }
        return sorted;
    }

    private static Fraction[] baseValues(Base b, int groupCount) {
        Fraction[] out = new Fraction[groupCount];
        long[] distinct = null;
        if (b.pairs != null) {
            long[] counts = new long[groupCount];
            long card = b.distinct.cardinality();
            b.pairs.forEach(k -> counts[(int) (k / card)]++);
            distinct = counts;
        }
        for (int g = 0; g < groupCount; g++) {
            long acc = b.acc != null && g < b.acc.length ? b.acc[g] : 0;
            long n = b.n != null && g < b.n.length ? b.n[g] : 0;
            out[g] = switch (b.measure.aggregate()) {
                case COUNT, SUM -> new Fraction(acc, 1);
                case DISTINCT_COUNT -> new Fraction(distinct[g], 1);
                case MIN, MAX -> n == 0 ? Fraction.NULL : new Fraction(acc, 1);
                case AVG -> n == 0 ? Fraction.NULL : new Fraction(acc, n);
                case RATIO -> throw new IllegalStateException();
            };
        }
        return out;
    }

    private String key(int group, int dimension) {
        long k = dense ? group : groupIds.key(group);
        Codes c = groupBy[dimension];
        int code = (int) ((k / strides[dimension]) % c.cardinality());
        return c.keys[code];
    }
}
