package dev.crmkit.reporting;

import dev.crmkit.core.common.EntityId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Facts of one {@link FactSource} held column by column: each dimension dictionary-encoded into the narrowest
 * primitive array its number of distinct keys allows, each field as exact scaled integers. Holds only the columns
 * it was built with, so a report loads only what it reads. Immutable once built; safe to share between threads.
 * Build one from your own data with {@link #builder} to run reports over it with {@link InMemoryReportExecutor}.
 */
public final class FactTable {
    private final FactSource source;
    private final int rows;
    private final Map<Dimension, Codes> dimensions;
    private final Map<Field, Numbers> fields;

    private FactTable(FactSource source, int rows, Map<Dimension, Codes> dimensions, Map<Field, Numbers> fields) {
        this.source = source;
        this.rows = rows;
        this.dimensions = dimensions;
        this.fields = fields;
    }

    /** A builder for facts with exactly these dimensions and fields (which {@code source} must have). */
    public static Builder builder(FactSource source, Collection<Dimension> dimensions, Collection<Field> fields) {
        return new Builder(source, dimensions, fields);
    }

    public FactSource source() {
        return source;
    }

    public int rows() {
        return rows;
    }

    public Set<Dimension> dimensions() {
        return dimensions.keySet();
    }

    public Set<Field> fields() {
        return fields.keySet();
    }

    /** Heap bytes of the columns and their dictionaries, estimated from array and string sizes. */
    public long estimatedBytes() {
        long bytes = 0;
        for (Codes c : dimensions.values()) {
            bytes += c.bytes() + 16L + 4L * c.keys.length;
            for (String k : c.keys) {
                bytes += k == null ? 0 : 40L + k.length();
            }
        }
        for (Numbers n : fields.values()) {
            bytes += n.bytes() + 16L;
        }
        return bytes;
    }

    Codes codes(Dimension d) {
        Codes c = dimensions.get(d);
        if (c == null) {
            throw new IllegalArgumentException("these facts were loaded without " + d);
        }
        return c;
    }

    Numbers numbers(Field f) {
        Numbers n = fields.get(f);
        if (n == null) {
            throw new IllegalArgumentException("these facts were loaded without " + f);
        }
        return n;
    }

    /**
     * Appends facts one at a time: set the values of a fact, then {@link #add()}. Values not set are null. Values
     * of dimensions or fields the table was not built with are ignored, so a loader may set everything it knows.
     * Not thread-safe.
     */
    public static final class Builder {
        private final FactSource source;
        private final Dimension[] dims;
        private final int[] slotOf = new int[Dimension.values().length];
        private final List<Map<Object, Integer>> dictionaries = new ArrayList<>();
        private final List<List<String>> keys = new ArrayList<>();
        private int[][] codes;
        private final Field[] fieldList;
        private final int[] fieldSlotOf = new int[Field.values().length];
        private long[][] values;
        private final Object[] rowDims;
        private final long[] rowValues;
        private final int daySlot;
        private final int weekSlot;
        private final int monthSlot;
        private int rows;

        private Builder(FactSource source, Collection<Dimension> dimensions, Collection<Field> fieldsToKeep) {
            this.source = source;
            this.dims = dimensions.stream().distinct().toArray(Dimension[]::new);
            this.fieldList = fieldsToKeep.stream().distinct().toArray(Field[]::new);
            Arrays.fill(slotOf, -1);
            Arrays.fill(fieldSlotOf, -1);
            for (int i = 0; i < dims.length; i++) {
                if (!source.has(dims[i])) {
                    throw new IllegalArgumentException(source + " facts have no " + dims[i]);
                }
                slotOf[dims[i].ordinal()] = i;
                dictionaries.add(new HashMap<>());
                keys.add(new ArrayList<>());
            }
            for (int i = 0; i < fieldList.length; i++) {
                if (!source.has(fieldList[i])) {
                    throw new IllegalArgumentException(source + " facts have no " + fieldList[i]);
                }
                fieldSlotOf[fieldList[i].ordinal()] = i;
            }
            codes = new int[dims.length][1024];
            values = new long[fieldList.length][1024];
            rowDims = new Object[dims.length];
            rowValues = new long[fieldList.length];
            Arrays.fill(rowValues, Numbers.NULL);
            daySlot = slotOf[Dimension.DAY.ordinal()];
            weekSlot = slotOf[Dimension.WEEK.ordinal()];
            monthSlot = slotOf[Dimension.MONTH.ordinal()];
        }

        /** Whether facts of this table keep {@code d}: loaders skip work for dimensions nobody reads. */
        public boolean keeps(Dimension d) {
            return slotOf[d.ordinal()] >= 0;
        }

        /**
         * Sets a dimension of the current fact: an enum (keyed by name), an id (by UUID text), a {@code UserId} or
         * any other object (by {@code toString()}), or null.
         */
        public Builder set(Dimension d, Object value) {
            int slot = slotOf[d.ordinal()];
            if (slot >= 0) {
                rowDims[slot] = value;
            }
            return this;
        }

        /** Sets the calendar dimensions (day, ISO week, month) of the current fact from its UTC date. */
        public Builder time(LocalDate day) {
            if (daySlot >= 0) {
                rowDims[daySlot] = day;
            }
            if (weekSlot >= 0) {
                rowDims[weekSlot] = day == null ? null : new WeekOf(day);
            }
            if (monthSlot >= 0) {
                rowDims[monthSlot] = day == null ? null : YearMonth.from(day);
            }
            return this;
        }

        /** Sets a field of the current fact in units of {@code 10^-scale} (see {@link Field#scale()}). */
        public Builder setUnits(Field f, long units) {
            if (units == Numbers.NULL) {
                throw new IllegalArgumentException("value out of range: " + units);
            }
            int slot = fieldSlotOf[f.ordinal()];
            if (slot >= 0) {
                rowValues[slot] = units;
            }
            return this;
        }

        /**
         * Sets a field of the current fact; null means no value. Throws if it has more decimals than the field, and a
         * {@code ValidationException} if it is beyond the exact range of reports (see {@link #setUnits}).
         */
        public Builder set(Field f, BigDecimal value) {
            if (value != null && fieldSlotOf[f.ordinal()] >= 0) {
                setUnits(f, Numbers.units(value.movePointRight(f.scale())));
            }
            return this;
        }

        /** Appends the current fact and starts a new one with every value null. */
        public Builder add() {
            checkOpen();
            ensureCapacity();
            for (int i = 0; i < dims.length; i++) {
                codes[i][rows] = encode(i, rowDims[i]);
                rowDims[i] = null;
            }
            for (int i = 0; i < fieldList.length; i++) {
                values[i][rows] = rowValues[i];
                rowValues[i] = Numbers.NULL;
            }
            rows++;
            return this;
        }

        private void ensureCapacity() {
            int capacity = dims.length > 0 ? codes[0].length : fieldList.length > 0 ? values[0].length : Integer.MAX_VALUE;
            if (rows < capacity) {
                return;
            }
            int next = (int) Math.min(Integer.MAX_VALUE - 8L, capacity * 2L);
            for (int i = 0; i < dims.length; i++) {
                codes[i] = Arrays.copyOf(codes[i], next);
            }
            for (int i = 0; i < fieldList.length; i++) {
                values[i] = Arrays.copyOf(values[i], next);
            }
        }

        private int encode(int slot, Object value) {
            Map<Object, Integer> dictionary = dictionaries.get(slot);
            Integer code = dictionary.get(value);
            if (code == null) {
                code = dictionary.size();
                // HashMap accepts a null key: facts without a value get a code of their own.
                dictionary.put(value, code);
                keys.get(slot).add(keyOf(value));
            }
            return code;
        }

        /** The table of the facts added; the builder is used up and releases its buffers. */
        public FactTable build() {
            checkOpen();
            Map<Dimension, Codes> columns = new EnumMap<>(Dimension.class);
            for (int i = 0; i < dims.length; i++) {
                columns.put(dims[i], Codes.of(codes[i], rows, keys.get(i).toArray(String[]::new)));
            }
            Map<Field, Numbers> numbers = new EnumMap<>(Field.class);
            for (int i = 0; i < fieldList.length; i++) {
                numbers.put(fieldList[i], Numbers.of(values[i], rows));
            }
            codes = null;
            values = null;
            dictionaries.clear();
            return new FactTable(source, rows, columns, numbers);
        }

        private void checkOpen() {
            if (codes == null) {
                throw new IllegalStateException("this builder has built its table already");
            }
        }
    }

    /** The key text of a dimension value, as {@link Dimension} documents it. */
    static String keyOf(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof EntityId id) {
            return id.value().toString();
        }
        return value.toString();
    }

    /** An ISO week, keyed {@code 2026-W02}. */
    record WeekOf(int year, int week) {
        WeekOf(LocalDate day) {
            this(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }

        @Override
        public String toString() {
            return String.format("%04d-W%02d", year, week);
        }
    }
}
