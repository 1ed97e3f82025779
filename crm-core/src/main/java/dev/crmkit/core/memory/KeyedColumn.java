package dev.crmkit.core.memory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;

/**
 * A column of values many rows share (a campaign, a visitor, a lead), each row holding a four-byte code of its value
 * (the values are found by an open-addressing index of their codes, not a map of boxed entries).
 * A counted column forgets a value once no row holds it (an erased visitor id is gone, not just unreferenced) and
 * reuses its code; an indexed one also threads the rows of each value into a list (two lazy link columns), so the
 * rows of a value are found without a map entry per row. A text column keeps its values in a {@link TextArena} instead
 * of the strings it was given: a visitor id per ad click is a few bytes in a block, not two objects of ~56 bytes the
 * garbage collector copies (reading one back makes a new string).
 */
final class KeyedColumn<T> {
    private final boolean counted;
    private final boolean indexed;
    private final List<@Nullable T> values = new ArrayList<>(); // by code - 1; empty in a text column
    private final @Nullable TextArena texts;
    private long[] addresses = new long[0]; // a text column's: by code - 1
    private int codesInUse; // the highest code given out
    private final long seed = TextHash.newSeed();
    private final RowSlots codes = new RowSlots(); // code - 1
    private int touched; // what touch read, kept so the reads are not optimised away
    private int[] refs = new int[16];
    private int[] heads = new int[16]; // by code: the first row of the value's list, + 1
    private int[] free = new int[0];
    private int freeCount;
    private final Columns.Ints column = new Columns.Ints();
    private final Columns.Ints next = new Columns.Ints();
    private final Columns.Ints previous = new Columns.Ints();

    private KeyedColumn(boolean counted, boolean indexed, boolean text) {
        this.counted = counted;
        this.indexed = indexed;
        this.texts = text ? new TextArena() : null;
    }

    /** Values from a small set that stays (campaigns, ads): codes only. */
    static <T> KeyedColumn<T> shared() {
        return new KeyedColumn<>(false, false, false);
    }

    /** Values that must go once no row has them (free text a person may be named in). */
    static <T> KeyedColumn<T> counted() {
        return new KeyedColumn<>(true, false, false);
    }

    /** Counted values whose rows are looked up. */
    static <T> KeyedColumn<T> indexed() {
        return new KeyedColumn<>(true, true, false);
    }

    /** {@link #indexed} for text, kept in a {@link TextArena} (visitor ids: a new one with nearly every click). */
    static KeyedColumn<String> indexedText() {
        return new KeyedColumn<>(true, true, true);
    }

    @Nullable T get(int row) {
        int code = column.get(row);
        return code == 0 ? null : value(code - 1);
    }

    @SuppressWarnings("unchecked")
    private T value(int index) {
        TextArena arena = texts;
        return arena != null ? (T) arena.get(addresses[index]) : Objects.requireNonNull(values.get(index));
    }

    /** Whether the value under {@code index} (code - 1) is {@code value}. */
    private boolean holds(int index, Object value) {
        TextArena arena = texts;
        return arena != null ? arena.equals(addresses[index], (String) value) : value.equals(values.get(index));
    }

    private void set(int row, @Nullable T value, int hash) {
        int code = acquire(value, hash);
        column.set(row, code);
        if (indexed && code != 0) {
            link(row, code);
        }
    }

    /** Gives a new row (or a {@link #clear cleared} one), which holds no value, its value, hashed before. */
    void add(int row, @Nullable T value, int hash) {
        if (value != null) {
            set(row, value, hash);
        }
    }

    /** As {@link #add(int, Object, int)}. */
    void add(int row, @Nullable T value) {
        if (value != null) {
            set(row, value, hash(value));
        }
    }

    /** Sets the value of a row: a new one, one {@link #clear cleared}, or a stored one changing. */
    void change(int row, @Nullable T value) {
        change(row, value, value == null ? 0 : hash(value));
    }

    /** As {@link #change(int, Object)} with the value's {@link #hash} computed before (by {@link #touch}). */
    void change(int row, @Nullable T value, int hash) {
        int old = column.get(row);
        if (old != 0 && value != null && holds(old - 1, value)) {
            return;
        }
        clear(row);
        set(row, value, hash);
    }

    /** Takes the row's value off it (a removed row, or before a change). */
    void clear(int row) {
        int code = column.get(row);
        if (code == 0) {
            return;
        }
        if (indexed) {
            unlink(row, code);
        }
        column.set(row, 0);
        release(code);
    }

    /** Calls {@code action} with every row holding {@code value}, in no particular order; indexed columns only. */
    void forEachRow(Object value, IntConsumer action) {
        int code = codeOf(value, hash(value));
        if (code == 0) {
            return;
        }
        for (int r = heads[code] - 1; r >= 0; r = next.get(r) - 1) {
            action.accept(r);
        }
    }

    /** Reads where {@code value} is looked up (see {@link RowSlots#touch}); returns its {@link #hash}. */
    int touch(@Nullable Object value) {
        if (value == null) {
            return 0;
        }
        int hash = hash(value);
        touched += codes.touch(hash);
        return hash;
    }

    /** Text (visitor ids, details) comes from outside: hashed under this column's seed, see {@link TextHash}. */
    int hash(Object value) {
        return value instanceof String text ? TextHash.of(text, seed) : value.hashCode();
    }

    /** The code of {@code value}, or 0 if no row holds it. */
    private int codeOf(Object value, int hash) {
        for (int s = codes.candidate(hash, codes.home(hash)); s >= 0; s = codes.candidate(hash, s + 1)) {
            int i = codes.row(s);
            if (holds(i, value)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The code of {@code value} (0 for null), held once more: a value no row held gets a code first. */
    private int acquire(@Nullable T value, int hash) {
        if (value == null) {
            return 0;
        }
        codes.reserve(); // a new value is filed where the walk ends
        int s = codes.candidate(hash, codes.home(hash));
        for (; s >= 0; s = codes.candidate(hash, s + 1)) {
            int i = codes.row(s);
            if (holds(i, value)) {
                return hold(i + 1);
            }
        }
        int code = freeCount > 0 ? free[--freeCount] : ++codesInUse;
        if (code >= refs.length) {
            refs = Arrays.copyOf(refs, refs.length * 2);
            heads = indexed ? Arrays.copyOf(heads, refs.length) : heads;
        }
        TextArena arena = texts;
        if (arena != null) {
            if (code > addresses.length) {
                addresses = Arrays.copyOf(addresses, Math.max(16, addresses.length * 2));
            }
            addresses[code - 1] = arena.add((String) value);
        } else if (code > values.size()) {
            values.add(value);
        } else {
            values.set(code - 1, value);
        }
        codes.fill(~s, code - 1, hash);
        return hold(code);
    }

    private int hold(int code) {
        if (counted) {
            refs[code]++;
        }
        return code;
    }

    private void release(int code) {
        if (!counted || --refs[code] > 0) {
            return;
        }
        TextArena arena = texts;
        if (arena != null) {
            long address = addresses[code - 1];
            codes.remove(code - 1, arena.hash(address, seed));
            arena.erase(address); // gone from the heap, not just unreferenced: it may be an erased person's
        } else {
            codes.remove(code - 1, hash(Objects.requireNonNull(values.get(code - 1))));
            values.set(code - 1, null);
        }
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, Math.max(16, free.length * 2));
        }
        free[freeCount++] = code;
    }

    private void link(int row, int code) {
        int head = heads[code];
        next.set(row, head);
        previous.set(row, 0);
        if (head != 0) {
            previous.set(head - 1, row + 1);
        }
        heads[code] = row + 1;
    }

    private void unlink(int row, int code) {
        int before = previous.get(row);
        int after = next.get(row);
        if (before != 0) {
            next.set(before - 1, after);
        } else {
            heads[code] = after;
        }
        if (after != 0) {
            previous.set(after - 1, before);
        }
        next.set(row, 0);
        previous.set(row, 0);
    }
}
