package io.qexec.sim.stabilizer;

import io.qexec.circuit.Bitstrings;
import io.qexec.circuit.ClassicalRegister;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Turns every shot's classical bits into counts keyed in the shared bit order and, when asked, the
 * per-shot memory. Each distinct outcome is formatted once.
 *
 * @param counts outcome counts
 * @param memory each shot's outcome in order, or empty
 */
record Outcomes(SortedMap<String, Long> counts, List<String> memory) {

    static Outcomes of(ShotBits shots, List<ClassicalRegister> registers, boolean withMemory) {
        int keyWords = Math.max(1, (shots.clbits() + 63) >>> 6);
        Map<Key, String> names = new HashMap<>();
        Map<String, long[]> tally = new HashMap<>();
        List<String> memory = withMemory ? new ArrayList<>(shots.shots()) : List.of();
        long[][] block = new long[64][keyWords];
        for (int s = 0; s < shots.shots(); s++) {
            if ((s & 63) == 0) {
                shots.shotWord(s >>> 6, block);
            }
            long[] bits = block[s & 63];
            Key key = new Key(bits);
            String name = names.get(key);
            if (name == null) {
                name = Bitstrings.format(registers, BitSet.valueOf(bits));
                names.put(new Key(bits.clone()), name);
            }
            tally.computeIfAbsent(name, k -> new long[1])[0]++;
            if (withMemory) {
                memory.add(name);
            }
        }
        SortedMap<String, Long> counts = new TreeMap<>();
        tally.forEach((name, c) -> counts.put(name, c[0]));
        return new Outcomes(counts, memory);
    }

    /** A shot's classical bits as a hash key. */
    private record Key(long[] bits) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(bits, k.bits);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bits);
        }

        @Override
        public String toString() {
            return Arrays.toString(bits);
        }
    }
}
