package dev.crmkit.core.memory;

import java.util.function.IntPredicate;

/**
 * A hash set of row numbers, each filed under a hash its table computes from the row (open addressing, linear
 * probing, at most three quarters full): an index of a column-wise table at 8 bytes per slot (11–21 per row), where
 * a {@code HashMap} of boxed keys costs several times that. Each slot holds the row and its hash in one {@code long},
 * so a probe reads one cache line, compares the table's row only when the whole hash matches (a miss — every new
 * event's idempotency check — almost never reads a row), and growing or taking a row out never hashes a row again:
 * growing reads the slots front to back and writes each where its hash now points, near where it was.
 *
 * <p>Hot callers walk a key's candidates themselves, without a predicate object per call:
 * <pre>{@code
 * slots.reserve();                                   // only before a walk that may end in fill
 * int s = slots.candidate(hash, slots.home(hash));
 * for (; s >= 0; s = slots.candidate(hash, s + 1)) {
 *     if (matches(slots.row(s))) return slots.row(s);
 * }
 * slots.fill(~s, row, hash);                         // the walk ended at an empty slot
 * }</pre>
 */
final class RowSlots {
    private long[] slots = new long[16]; // spread hash << 32 | row + 1; 0 is empty
    private int count;

    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** Grows, if need be, so that one more row fits: call before a walk whose empty end {@link #fill} may take. */
    void reserve() {
        if ((count + 1) * 4L > slots.length * 3L) {
            long[] bigger = new long[slots.length * 2];
            int mask = bigger.length - 1;
            for (long slot : slots) {
                if (slot != 0) {
                    int i = (int) (slot >>> 32) & mask;
                    while (bigger[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    bigger[i] = slot;
                }
            }
            slots = bigger;
        }
    }

    /** Where the walk for {@code hash} starts. */
    int home(int hash) {
        return spread(hash) & (slots.length - 1);
    }

    /**
     * From slot {@code from} on (wrapping), the first slot holding a row filed under {@code hash}, or, when the walk
     * reaches an empty slot first, that slot's index complemented ({@code ~slot}, negative).
     */
    int candidate(int hash, int from) {
        int h = spread(hash);
        int mask = slots.length - 1;
        for (int i = from & mask; ; i = (i + 1) & mask) {
            long slot = slots[i];
            if (slot == 0) {
                return ~i;
            }
            if ((int) (slot >>> 32) == h) {
                return i;
            }
        }
    }

    /** The row in a slot {@link #candidate} returned. */
    int row(int slot) {
        return (int) slots[slot] - 1;
    }

    /** Files {@code row} under {@code hash} in the empty slot a walk ended at, after {@link #reserve}. */
    void fill(int slot, int row, int hash) {
        slots[slot] = (long) spread(hash) << 32 | ((row + 1) & 0xFFFFFFFFL);
        count++;
    }

    void add(int row, int hash) {
        reserve();
        int mask = slots.length - 1;
        int i = home(hash);
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        fill(i, row, hash);
    }

    /**
     * Files {@code row} under {@code hash} unless a row {@code same} accepts is filed there already: returns that row,
     * or -1 once {@code row} is filed (one walk of the probe sequence for both).
     */
    int addUnless(int row, int hash, IntPredicate same) {
        reserve();
        int s = candidate(hash, home(hash));
        for (; s >= 0; s = candidate(hash, s + 1)) {
            if (same.test(row(s))) {
                return row(s);
            }
        }
        fill(~s, row, hash);
        return -1;
    }

    /**
     * Reads the first slot {@code hash} would look at: a batch reads them all before it probes, so the processor
     * fetches their cache lines side by side instead of one miss at a time.
     */
    int touch(int hash) {
        return (int) slots[home(hash)];
    }

    /** The row filed under {@code hash} that {@code same} accepts, or -1. */
    int find(int hash, IntPredicate same) {
        for (int s = candidate(hash, home(hash)); s >= 0; s = candidate(hash, s + 1)) {
            if (same.test(row(s))) {
                return row(s);
            }
        }
        return -1;
    }

    /** Takes {@code row}, filed under {@code hash}, out; the rows after it in its probe run move back into the gap. */
    void remove(int row, int hash) {
        int mask = slots.length - 1;
        int gap = home(hash);
        while ((int) slots[gap] != row + 1) {
            if (slots[gap] == 0) {
                throw new IllegalStateException("row " + row + " is not indexed");
            }
            gap = (gap + 1) & mask;
        }
        for (int j = (gap + 1) & mask; slots[j] != 0; j = (j + 1) & mask) {
            int home = (int) (slots[j] >>> 32) & mask;
            if (((j - home) & mask) >= ((j - gap) & mask)) { // the gap lies on the way from its home to j
                slots[gap] = slots[j];
                gap = j;
            }
        }
        slots[gap] = 0;
        count--;
    }
}
