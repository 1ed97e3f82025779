package dev.crmkit.reporting;

import java.util.Arrays;

/** Open-addressing hash structures over non-negative {@code long} keys, without boxing. */
final class LongHashing {
    private static final long EMPTY = -1L;

    private LongHashing() {
    }

    static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /** Assigns dense ids 0, 1, 2, ... to keys in the order they are first seen. */
    static final class Ids {
        private long[] slots;
        private int[] ids;
        private long[] keyOfId;
        private int size;

        Ids(int expected) {
            int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
            slots = new long[capacity];
            Arrays.fill(slots, EMPTY);
            ids = new int[capacity];
            keyOfId = new long[Math.max(16, expected)];
        }

        int idOf(long key) {
            int mask = slots.length - 1;
            int i = mix(key) & mask;
            while (true) {
                long k = slots[i];
                if (k == key) {
                    return ids[i];
                }
                if (k == EMPTY) {
                    return insert(i, key);
                }
                i = (i + 1) & mask;
            }
        }

        private int insert(int slot, long key) {
            int id = size++;
            slots[slot] = key;
            ids[slot] = id;
            if (id == keyOfId.length) {
                keyOfId = Arrays.copyOf(keyOfId, id * 2);
            }
            keyOfId[id] = key;
            if (size * 2 > slots.length) {
                rehash();
            }
            return id;
        }

        private void rehash() {
            long[] oldSlots = slots;
            int[] oldIds = ids;
            slots = new long[oldSlots.length * 2];
            Arrays.fill(slots, EMPTY);
            ids = new int[slots.length];
            int mask = slots.length - 1;
            for (int j = 0; j < oldSlots.length; j++) {
                if (oldSlots[j] != EMPTY) {
                    int i = mix(oldSlots[j]) & mask;
                    while (slots[i] != EMPTY) {
                        i = (i + 1) & mask;
                    }
                    slots[i] = oldSlots[j];
                    ids[i] = oldIds[j];
                }
            }
        }

        int size() {
            return size;
        }

        long key(int id) {
            return keyOfId[id];
        }
    }

    /** A set of keys. */
    static final class Set {
        private long[] slots = new long[64];
        private int size;

        Set() {
            Arrays.fill(slots, EMPTY);
        }

        void add(long key) {
            int mask = slots.length - 1;
            int i = mix(key) & mask;
            while (true) {
                long k = slots[i];
                if (k == key) {
                    return;
                }
                if (k == EMPTY) {
                    slots[i] = key;
                    if (++size * 2 > slots.length) {
                        rehash();
                    }
                    return;
                }
                i = (i + 1) & mask;
            }
        }

        private void rehash() {
            long[] old = slots;
            slots = new long[old.length * 2];
            Arrays.fill(slots, EMPTY);
            int mask = slots.length - 1;
            for (long k : old) {
                if (k != EMPTY) {
                    int i = mix(k) & mask;
                    while (slots[i] != EMPTY) {
                        i = (i + 1) & mask;
                    }
                    slots[i] = k;
                }
            }
        }

        /** Calls {@code action} with every key. */
        void forEach(java.util.function.LongConsumer action) {
            for (long k : slots) {
                if (k != EMPTY) {
                    action.accept(k);
                }
            }
        }
    }
}
