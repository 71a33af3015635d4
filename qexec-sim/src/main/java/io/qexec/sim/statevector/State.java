package io.qexec.sim.statevector;

import io.qexec.sim.InsufficientMemoryException;
import java.util.Arrays;

/**
 * The amplitudes of {@code n} qubits in split real and imaginary arrays, plus the layout that maps
 * each logical qubit to the physical index bit holding it (swaps are applied by renaming).
 */
final class State {
    /** Largest supported register: two {@code double[2^30]} arrays, 16 GiB. */
    static final int MAX_QUBITS = 30;

    final int n;
    final double[] re;
    final double[] im;
    /** layout[logical] = physical index bit. */
    final int[] layout;

    private State(int n, double[] re, double[] im, int[] layout) {
        this.n = n;
        this.re = re;
        this.im = im;
        this.layout = layout;
    }

    /** Allocates |0...0> after checking the memory the JVM can still give. */
    static State zero(int n) {
        checkMemory(n, 1);
        State s = new State(n, new double[1 << n], new double[1 << n], identity(n));
        s.re[0] = 1;
        return s;
    }

    /**
     * Throws {@link InsufficientMemoryException} unless {@code copies} statevectors of {@code n}
     * qubits fit in the memory the JVM can still allocate.
     */
    static void checkMemory(int n, int copies) {
        if (n < 0) {
            throw new IllegalArgumentException("qubit count must not be negative, was " + n);
        }
        Runtime rt = Runtime.getRuntime();
        long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (n > MAX_QUBITS) {
            long needed = n >= 58 ? Long.MAX_VALUE : (16L << n) * copies;
            throw new InsufficientMemoryException("statevector of " + n + " qubits needs " + bytes(needed)
                    + ", the engine holds at most " + MAX_QUBITS + " qubits; use the stabilizer method or fewer qubits",
                    needed, available);
        }
        long needed = (16L << n) * copies;
        if (needed > available) {
            throw new InsufficientMemoryException("statevector of " + n + " qubits needs " + bytes(needed) + ", "
                    + bytes(available) + " available; use the stabilizer method or fewer qubits (or raise -Xmx)",
                    needed, available);
        }
    }

    static String bytes(long b) {
        if (b == Long.MAX_VALUE) {
            return "more than 4 EiB";
        }
        if (b >= 1L << 30) {
            return String.format(java.util.Locale.ROOT, "%.0f GiB", Math.ceil(b / (double) (1L << 30)));
        }
        if (b >= 1L << 20) {
            return String.format(java.util.Locale.ROOT, "%.0f MiB", Math.ceil(b / (double) (1L << 20)));
        }
        return b + " B";
    }

    State copy() {
        checkMemory(n, 1);
        return new State(n, re.clone(), im.clone(), layout.clone());
    }

    /** Overwrites this state with {@code other} (same size) without allocating. */
    void copyFrom(State other) {
        System.arraycopy(other.re, 0, re, 0, re.length);
        System.arraycopy(other.im, 0, im, 0, im.length);
        System.arraycopy(other.layout, 0, layout, 0, layout.length);
    }

    static int[] identity(int n) {
        int[] l = new int[n];
        Arrays.setAll(l, i -> i);
        return l;
    }

    boolean identityLayout() {
        for (int i = 0; i < n; i++) {
            if (layout[i] != i) {
                return false;
            }
        }
        return true;
    }

    /** The amplitudes indexed by logical basis state: {@code [0]} real parts, {@code [1]} imaginary parts. */
    double[][] logicalAmplitudes() {
        if (identityLayout()) {
            return new double[][] {re.clone(), im.clone()};
        }
        checkMemory(n, 1);
        double[] r = new double[re.length];
        double[] i = new double[im.length];
        for (int p = 0; p < re.length; p++) {
            int x = logicalIndex(p);
            r[x] = re[p];
            i[x] = im[p];
        }
        return new double[][] {r, i};
    }

    /** Builds a state from logical amplitudes (copied), with the identity layout. */
    static State of(double[] re, double[] im) {
        int n = Integer.numberOfTrailingZeros(re.length);
        if (re.length != 1 << n || im.length != re.length) {
            throw new IllegalArgumentException("amplitude arrays must have the same power-of-two length");
        }
        return new State(n, re.clone(), im.clone(), identity(n));
    }

    /** Maps a physical amplitude index to the logical basis-state index. */
    int logicalIndex(int physical) {
        int x = 0;
        for (int q = 0; q < n; q++) {
            x |= ((physical >>> layout[q]) & 1) << q;
        }
        return x;
    }
}
