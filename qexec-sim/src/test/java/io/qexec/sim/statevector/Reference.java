package io.qexec.sim.statevector;

import java.util.List;
import java.util.SplittableRandom;

/** A deliberately plain reference: every gate as a full 2^n x 2^n matrix product, plus random inputs. */
final class Reference {
    private Reference() {
    }

    /** Applies a gate by building its full matrix on n qubits and multiplying. */
    static double[][] apply(Gate g, double[] re, double[] im) {
        int n = Integer.numberOfTrailingZeros(re.length);
        int d = 1 << n;
        int cmask = 0;
        for (int q : g.controls()) {
            cmask |= 1 << q;
        }
        int tmask = 0;
        for (int q : g.targets()) {
            tmask |= 1 << q;
        }
        int[] t = g.targets();
        double[] or = new double[d];
        double[] oi = new double[d];
        for (int r = 0; r < d; r++) {
            for (int c = 0; c < d; c++) {
                double mr;
                double mi;
                if ((r & ~tmask) != (c & ~tmask)) {
                    continue;
                }
                if ((c & cmask) != cmask) {
                    mr = r == c ? 1 : 0;
                    mi = 0;
                } else {
                    int lr = 0;
                    int lc = 0;
                    for (int j = 0; j < t.length; j++) {
                        lr |= ((r >>> t[j]) & 1) << j;
                        lc |= ((c >>> t[j]) & 1) << j;
                    }
                    int dim = g.matrix().dim;
                    mr = g.matrix().re[lr * dim + lc];
                    mi = g.matrix().im[lr * dim + lc];
                }
                or[r] += mr * re[c] - mi * im[c];
                oi[r] += mr * im[c] + mi * re[c];
            }
        }
        return new double[][] {or, oi};
    }

    static double[][] run(List<Gate> gates, double[] re, double[] im) {
        double[][] s = {re.clone(), im.clone()};
        for (Gate g : gates) {
            s = apply(g, s[0], s[1]);
        }
        return s;
    }

    static double[][] randomState(int n, SplittableRandom rnd) {
        int d = 1 << n;
        double[] re = new double[d];
        double[] im = new double[d];
        double norm = 0;
        for (int i = 0; i < d; i++) {
            re[i] = gaussian(rnd);
            im[i] = gaussian(rnd);
            norm += re[i] * re[i] + im[i] * im[i];
        }
        double s = 1 / Math.sqrt(norm);
        for (int i = 0; i < d; i++) {
            re[i] *= s;
            im[i] *= s;
        }
        return new double[][] {re, im};
    }

    static double gaussian(SplittableRandom rnd) {
        double u = rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }

    /** A Haar-ish random unitary: Gram-Schmidt on Gaussian columns. */
    static ComplexMatrix randomUnitary(int k, SplittableRandom rnd) {
        int d = 1 << k;
        double[][] cr = new double[d][d];
        double[][] ci = new double[d][d];
        for (int c = 0; c < d; c++) {
            for (int r = 0; r < d; r++) {
                cr[c][r] = gaussian(rnd);
                ci[c][r] = gaussian(rnd);
            }
            for (int p = 0; p < c; p++) {
                // projection of column c on column p: <p|c>
                double pr = 0;
                double pi = 0;
                for (int r = 0; r < d; r++) {
                    pr += cr[p][r] * cr[c][r] + ci[p][r] * ci[c][r];
                    pi += cr[p][r] * ci[c][r] - ci[p][r] * cr[c][r];
                }
                for (int r = 0; r < d; r++) {
                    cr[c][r] -= pr * cr[p][r] - pi * ci[p][r];
                    ci[c][r] -= pr * ci[p][r] + pi * cr[p][r];
                }
            }
            double norm = 0;
            for (int r = 0; r < d; r++) {
                norm += cr[c][r] * cr[c][r] + ci[c][r] * ci[c][r];
            }
            double s = 1 / Math.sqrt(norm);
            for (int r = 0; r < d; r++) {
                cr[c][r] *= s;
                ci[c][r] *= s;
            }
        }
        double[] re = new double[d * d];
        double[] im = new double[d * d];
        for (int r = 0; r < d; r++) {
            for (int c = 0; c < d; c++) {
                re[r * d + c] = cr[c][r];
                im[r * d + c] = ci[c][r];
            }
        }
        return new ComplexMatrix(d, re, im);
    }

    static ComplexMatrix randomDiagonal(int k, SplittableRandom rnd) {
        int d = 1 << k;
        double[] re = new double[d];
        double[] im = new double[d];
        for (int i = 0; i < d; i++) {
            double a = rnd.nextDouble(-Math.PI, Math.PI);
            re[i] = Math.cos(a);
            im[i] = Math.sin(a);
        }
        return ComplexMatrix.diagonal(re, im);
    }

    /** Distinct random qubits out of n. */
    static int[] distinct(int count, int n, SplittableRandom rnd) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        for (int i = 0; i < count; i++) {
            int j = i + rnd.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return java.util.Arrays.copyOf(all, count);
    }

    /**
     * A random gate of every kind the engine specialises: permutations, phases, diagonals,
     * dense 1-, 2- and 3-qubit unitaries, each possibly controlled.
     */
    static Gate randomGate(int n, SplittableRandom rnd) {
        int kind = rnd.nextInt(9);
        int targets = switch (kind) {
            case 0, 2, 3, 5 -> 1;
            case 1, 4, 6 -> 2;
            default -> Math.min(3, n);
        };
        targets = Math.min(targets, n);
        int controls = rnd.nextInt(Math.min(3, n - targets) + 1);
        int[] q = distinct(targets + controls, n, rnd);
        int[] t = java.util.Arrays.copyOfRange(q, 0, targets);
        int[] c = java.util.Arrays.copyOfRange(q, targets, targets + controls);
        ComplexMatrix m = switch (kind) {
            case 0 -> targets == 1 ? Matrices.x() : randomUnitary(targets, rnd);
            case 1 -> targets == 2 ? Matrices.swap() : randomUnitary(targets, rnd);
            case 2 -> Matrices.phase(rnd.nextDouble(-Math.PI, Math.PI));
            case 3 -> Matrices.rz(rnd.nextDouble(-Math.PI, Math.PI));
            case 4, 7 -> randomDiagonal(targets, rnd);
            default -> randomUnitary(targets, rnd);
        };
        return new Gate(c, t, m);
    }
}
