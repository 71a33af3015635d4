package io.qexec.sim.statevector;

/** Matrices of common gates in the little-endian (Qiskit) convention, for the engine's own use. */
final class Matrices {
    private static final double R = Math.sqrt(0.5);

    private Matrices() {
    }

    static ComplexMatrix of(double[] re, double[] im) {
        return new ComplexMatrix((int) Math.round(Math.sqrt(re.length)), re, im);
    }

    static ComplexMatrix h() {
        return of(new double[] {R, R, R, -R}, new double[4]);
    }

    static ComplexMatrix x() {
        return of(new double[] {0, 1, 1, 0}, new double[4]);
    }

    static ComplexMatrix phase(double lambda) {
        return of(new double[] {1, 0, 0, Math.cos(lambda)}, new double[] {0, 0, 0, Math.sin(lambda)});
    }

    static ComplexMatrix rz(double theta) {
        double c = Math.cos(theta / 2);
        double s = Math.sin(theta / 2);
        return of(new double[] {c, 0, 0, c}, new double[] {-s, 0, 0, s});
    }

    /** Qiskit's U(theta, phi, lambda). */
    static ComplexMatrix u(double theta, double phi, double lambda) {
        double c = Math.cos(theta / 2);
        double s = Math.sin(theta / 2);
        return of(
                new double[] {c, -Math.cos(lambda) * s, Math.cos(phi) * s, Math.cos(phi + lambda) * c},
                new double[] {0, -Math.sin(lambda) * s, Math.sin(phi) * s, Math.sin(phi + lambda) * c});
    }

    static ComplexMatrix swap() {
        double[] re = new double[16];
        re[0] = 1;
        re[1 * 4 + 2] = 1;
        re[2 * 4 + 1] = 1;
        re[15] = 1;
        return of(re, new double[16]);
    }

    /** exp(-i theta/2 Z⊗Z). */
    static ComplexMatrix rzz(double theta) {
        double c = Math.cos(theta / 2);
        double s = Math.sin(theta / 2);
        double[] re = new double[16];
        double[] im = new double[16];
        double[] sign = {-1, 1, 1, -1};
        for (int i = 0; i < 4; i++) {
            re[i * 5] = c;
            im[i * 5] = sign[i] * s;
        }
        return of(re, im);
    }

    /** CX with control on matrix bit 0 and target on bit 1, as a plain 4x4 matrix. */
    static ComplexMatrix cxMatrix() {
        double[] re = new double[16];
        re[0] = 1;
        re[1 * 4 + 3] = 1;
        re[2 * 4 + 2] = 1;
        re[3 * 4 + 1] = 1;
        return of(re, new double[16]);
    }
}
