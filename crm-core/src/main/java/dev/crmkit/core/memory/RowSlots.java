package dev.crmkit.core.memory;

import java.util.function.IntPredicate;
import java.util.function.IntSupplier;
import java.util.function.IntUnaryOperator;

/**
 * A hash set of row numbers, each filed under a hash its table computes from the row (open addressing, linear
 * probing, at most three quarters full): an index of a column-wise table at 5–10 bytes per row, where a
 * {@code HashMap} of boxed keys costs ten times that. A lookup walks the probe sequence of the key's hash and asks
 * the table to compare only the rows whose slot carries the key's tag (eight more bits of its hash), so a miss seldom
 * reads a row at all. Growing files the rows again in row order (the table names which rows
 * it holds), so hashing them reads the table's columns front to back instead of at random.
 */
final class RowSlots {
    private final IntUnaryOperator hashOfRow;
    private final IntSupplier rows;
    private final IntPredicate holds;
    private int[] slots = new int[16]; // row + 1; 0 is empty
    private byte[] tags = new byte[16];
    private int count;

    /**
     * @param hashOfRow the hash a row is filed under
     * @param rows      the number of rows there are (a row being added is not one of them yet)
     * @param holds     whether a row below that number is filed here
     */
    RowSlots(IntUnaryOperator hashOfRow, IntSupplier rows, IntPredicate holds) {
        this.hashOfRow = hashOfRow;
        this.rows = rows;
        this.holds = holds;
    }

    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private static byte tag(int hash) {
        return (byte) (hash * 0x85EBCA6B >>> 24);
    }

    void add(int row, int hash) {
        addUnless(row, hash, other -> false);
    }

    /**
     * Files {@code row} under {@code hash} unless a row {@code same} accepts is filed there already: returns that row,
     * or -1 once {@code row} is filed (one walk of the probe sequence for both).
     */
    int addUnless(int row, int hash, IntPredicate same) {
        if ((count + 1) * 4L > slots.length * 3L) {
            int[] bigger = new int[slots.length * 2];
            byte[] biggerTags = new byte[slots.length * 2];
            for (int r = 0, n = rows.getAsInt(); r < n; r++) {
                if (holds.test(r)) {
                    place(bigger, biggerTags, r, hashOfRow.applyAsInt(r));
                }
            }
            slots = bigger;
            tags = biggerTags;
        }
        int mask = slots.length - 1;
        byte tag = tag(hash);
        int i = spread(hash) & mask;
        for (; slots[i] != 0; i = (i + 1) & mask) {
            if (tags[i] == tag && same.test(slots[i] - 1)) {
                return slots[i] - 1;
            }
        }
        slots[i] = row + 1;
        tags[i] = tag;
        count++;
        return -1;
    }

    private static void place(int[] slots, byte[] tags, int row, int hash) {
        int mask = slots.length - 1;
        int i = spread(hash) & mask;
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        slots[i] = row + 1;
        tags[i] = tag(hash);
    }

    /**
     * Reads the first slot {@code hash} would look at, and returns it mixed with its tag: a batch reads them all
     * before it probes, so the processor fetches their cache lines side by side instead of one miss at a time.
     */
    int touch(int hash) {
        int i = spread(hash) & (slots.length - 1);
        return slots[i] ^ tags[i];
    }

    /** The row filed under {@code hash} that {@code same} accepts, or -1. */
    int find(int hash, IntPredicate same) {
        int mask = slots.length - 1;
        byte tag = tag(hash);
        for (int i = spread(hash) & mask; slots[i] != 0; i = (i + 1) & mask) {
            if (tags[i] == tag && same.test(slots[i] - 1)) {
                return slots[i] - 1;
            }
        }
        return -1;
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
                tags[gap] = tags[j];
                gap = j;
            }
        }
        slots[gap] = 0;
        count--;
    }
}
