package dev.crmkit.core.memory;

import java.util.function.IntUnaryOperator;

/**
 * A hash set of row numbers, each filed under a hash its table computes from the row (open addressing, linear
 * probing, at most three quarters full): an index of a column-wise table at 4–8 bytes per row, where a
 * {@code HashMap} of boxed keys costs ten times that. The table looks a key up by walking the probe sequence from
 * {@link #first} and comparing the rows it meets.
 */
final class RowSlots {
    private final IntUnaryOperator hashOfRow;
    private int[] slots = new int[16]; // row + 1; 0 is empty
    private int count;

    RowSlots(IntUnaryOperator hashOfRow) {
        this.hashOfRow = hashOfRow;
    }

    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    void add(int row, int hash) {
        if ((count + 1) * 4L > slots.length * 3L) {
            int[] bigger = new int[slots.length * 2];
            for (int s : slots) {
                if (s != 0) {
                    place(bigger, s - 1, hashOfRow.applyAsInt(s - 1));
                }
            }
            slots = bigger;
        }
        place(slots, row, hash);
        count++;
    }

    private static void place(int[] slots, int row, int hash) {
        int mask = slots.length - 1;
        int i = spread(hash) & mask;
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        slots[i] = row + 1;
    }

    /** The first slot to look at for {@code hash}; then {@link #next} until {@link #row} is negative. */
    int first(int hash) {
        return spread(hash) & (slots.length - 1);
    }

    int next(int slot) {
        return (slot + 1) & (slots.length - 1);
    }

    /** The row in {@code slot}, or -1 where the probe sequence ends. */
    int row(int slot) {
        return slots[slot] - 1;
    }

    /** Takes {@code row}, filed under {@code hash}, out; the rows after it in its probe run move back into the gap. */
    void remove(int row, int hash) {
        int mask = slots.length - 1;
        int gap = spread(hash) & mask;
        while (slots[gap] != row + 1) {
            if (slots[gap] == 0) {
                throw new IllegalStateException("row " + row + " is not indexed");
            }
            gap = (gap + 1) & mask;
        }
        for (int j = (gap + 1) & mask; slots[j] != 0; j = (j + 1) & mask) {
            int home = spread(hashOfRow.applyAsInt(slots[j] - 1)) & mask;
            if (((j - home) & mask) >= ((j - gap) & mask)) { // the gap lies on the way from its home to j
                slots[gap] = slots[j];
                gap = j;
            }
        }
        slots[gap] = 0;
        count--;
    }
}
