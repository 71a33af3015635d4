package io.qexec.sim.statevector;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Builds the sorted counts map of a run in linear time. Inserting hundreds of thousands of long bitstrings into
 * a {@link TreeMap} one by one costs a chain of string comparisons each (most of a 10^6-shot, 20-qubit run's
 * time); a {@code TreeMap} copied from a {@link SortedMap} is built in one pass instead. The keys come in
 * order when they are produced by increasing classical value, and are sorted here when they are not.
 */
final class SortedCounts {
    private SortedCounts() {
    }

    /** A sorted map of {@code keys[i] -> values[i]}; the arrays may be reordered. */
    static TreeMap<String, Long> of(String[] keys, long[] values) {
        boolean ascending = true;
        for (int i = 1; i < keys.length && ascending; i++) {
            ascending = keys[i - 1].compareTo(keys[i]) < 0;
        }
        if (!ascending) {
            Integer[] order = new Integer[keys.length];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, Comparator.comparing(i -> keys[i]));
            String[] k = new String[keys.length];
            long[] v = new long[keys.length];
            for (int i = 0; i < order.length; i++) {
                k[i] = keys[order[i]];
                v[i] = values[order[i]];
            }
            return new TreeMap<>(new View(k, v));
        }
        return new TreeMap<>(new View(keys, values));
    }

    /** The arrays seen as a sorted map, only for {@link TreeMap}'s linear-time copy; never handed out. */
    private static final class View extends AbstractMap<String, Long> implements SortedMap<String, Long> {
        private final String[] keys;
        private final long[] values;

        View(String[] keys, long[] values) {
            this.keys = keys;
            this.values = values;
        }

        @Override
        public Set<Map.Entry<String, Long>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Map.Entry<String, Long>> iterator() {
                    return new Iterator<>() {
                        private int i;

                        @Override
                        public boolean hasNext() {
                            return i < keys.length;
                        }

                        @Override
                        public Map.Entry<String, Long> next() {
                            if (i >= keys.length) {
                                throw new NoSuchElementException();
                            }
                            Map.Entry<String, Long> e = new SimpleImmutableEntry<>(keys[i], values[i]);
                            i++;
                            return e;
                        }
                    };
                }

                @Override
                public int size() {
                    return keys.length;
                }
            };
        }

        @Override
        public Comparator<? super String> comparator() {
            return null;
        }

        @Override
        public String firstKey() {
            if (keys.length == 0) {
                throw new NoSuchElementException();
            }
            return keys[0];
        }

        @Override
        public String lastKey() {
            if (keys.length == 0) {
                throw new NoSuchElementException();
            }
            return keys[keys.length - 1];
        }

        @Override
        public SortedMap<String, Long> subMap(String from, String to) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SortedMap<String, Long> headMap(String to) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SortedMap<String, Long> tailMap(String from) {
            throw new UnsupportedOperationException();
        }
    }
}
