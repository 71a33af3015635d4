package io.qexec.sim.density;

import io.qexec.circuit.Matrix;
import io.qexec.sim.noise.KrausChannel;
import io.qexec.sim.noise.NoisyCircuit;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns gates and channels into superoperator kernels, fusing consecutive operations on the same one or two
 * qubits into one pass (a noisy gate — the gate, its depolarizing error and its relaxation — becomes one
 * kernel).
 *
 * <p>A superoperator on qubits {@code Q} indexes {@code (row << |Q|) | column}, each half little-endian over
 * {@code Q}; {@link KrausChannel#superoperator()} uses the same layout.
 */
final class Superoperators {
    /** Reset to |0>: Kraus operators |0><0| and |0><1|. */
    static final KrausChannel RESET = KrausChannel.of("reset", List.of(
            Matrix.of(new double[] {1, 0, 0, 0}, new double[4]),
            Matrix.of(new double[] {0, 1, 0, 0}, new double[4])));

    private final int n;
    private final List<SuperoperatorKernel> kernels = new ArrayList<>();
    private List<Integer> blockQubits;
    private Matrix block;

    /** @param n the number of qubits of the density matrix the kernels act on */
    Superoperators(int n) {
        this.n = n;
    }

    /** The superoperator {@code U ⊗ conj(U)} of a unitary. */
    static Matrix ofUnitary(Matrix u) {
        double[] im = u.imaginaryParts();
        for (int i = 0; i < im.length; i++) {
            im[i] = -im[i];
        }
        return u.tensor(Matrix.of(u.realParts(), im));
    }

    /** Adds a gate, channel or reset; other operations are refused. */
    Superoperators add(NoisyCircuit.Operation op) {
        switch (op) {
            case NoisyCircuit.Gate g -> add(ofUnitary(g.matrix()), g.qubits());
            case NoisyCircuit.Channel c -> add(c.channel().superoperator(), c.qubits());
            case NoisyCircuit.QubitReset r -> add(RESET.superoperator(), List.of(r.qubit()));
            default -> throw new IllegalArgumentException("not a gate or channel: " + op);
        }
        return this;
    }

    /** Adds superoperator {@code s} on {@code qubits}. */
    Superoperators add(Matrix s, List<Integer> qubits) {
        if (block != null && blockQubits.containsAll(qubits)) {
            block = embed(s, qubits, blockQubits).multiply(block);
            return this;
        }
        if (block != null && blockQubits.size() == 1 && qubits.size() == 2 && qubits.containsAll(blockQubits)) {
            block = s.multiply(embed(block, blockQubits, qubits));
            blockQubits = List.copyOf(qubits);
            return this;
        }
        flush();
        block = s;
        blockQubits = List.copyOf(qubits);
        return this;
    }

    /** The kernels, in order, for everything added. */
    List<SuperoperatorKernel> kernels() {
        flush();
        return List.copyOf(kernels);
    }

    private void flush() {
        if (block == null) {
            return;
        }
        int k = blockQubits.size();
        int[] bits = new int[2 * k];
        for (int j = 0; j < k; j++) {
            bits[j] = blockQubits.get(j);
            bits[k + j] = n + blockQubits.get(j);
        }
        kernels.add(new SuperoperatorKernel(block, bits));
        block = null;
        blockQubits = null;
    }

    /** Superoperator {@code s} on {@code inner} ⊆ {@code outer}, written on {@code outer}'s index space. */
    static Matrix embed(Matrix s, List<Integer> inner, List<Integer> outer) {
        if (inner.equals(outer)) {
            return s;
        }
        int r = inner.size();
        int q = outer.size();
        int[] pos = new int[2 * r];
        for (int j = 0; j < r; j++) {
            int p = outer.indexOf(inner.get(j));
            pos[j] = p;
            pos[r + j] = q + p;
        }
        int targetMask = 0;
        for (int p : pos) {
            targetMask |= 1 << p;
        }
        int size = 1 << (2 * q);
        double[] re = new double[size * size];
        double[] im = new double[size * size];
        for (int row = 0; row < size; row++) {
            int sr = gather(row, pos);
            for (int col = 0; col < size; col++) {
                if ((row & ~targetMask) != (col & ~targetMask)) {
                    continue;
                }
                int sc = gather(col, pos);
                re[row * size + col] = s.re(sr, sc);
                im[row * size + col] = s.im(sr, sc);
            }
        }
        return Matrix.of(re, im);
    }

    private static int gather(int index, int[] pos) {
        int v = 0;
        for (int k = 0; k < pos.length; k++) {
            v |= (index >> pos[k] & 1) << k;
        }
        return v;
    }
}
