package io.qexec.circuit;

import static io.qexec.circuit.StandardGate.*;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The exact unitaries of the standard gates (little-endian: first qubit argument = least-significant bit). */
final class StandardMatrices {
    private static final double R = Math.sqrt(0.5);
    private static final Map<StandardGate, Matrix> FIXED = new ConcurrentHashMap<>();

    private StandardMatrices() {
    }

    static Matrix of(StandardGate gate, double[] p) {
        if (gate.numParams() == 0) {
            Matrix m = FIXED.get(gate);
            if (m == null) {
                m = compute(gate, p);
                FIXED.put(gate, m);
            }
            return m;
        }
        return compute(gate, p);
    }

    private static Matrix compute(StandardGate gate, double[] p) {
        return switch (gate) {
            case ID, U0 -> Matrix.identity(2);
            case X -> Matrix.of2x2(0, 0, 1, 0, 1, 0, 0, 0);
            case Y -> Matrix.of2x2(0, 0, 0, -1, 0, 1, 0, 0);
            case Z -> Matrix.diagonalPhases(0, Math.PI);
            case H -> Matrix.of2x2(R, 0, R, 0, R, 0, -R, 0);
            case S -> Matrix.of2x2(1, 0, 0, 0, 0, 0, 0, 1);
            case SDG -> Matrix.of2x2(1, 0, 0, 0, 0, 0, 0, -1);
            case T -> Matrix.of2x2(1, 0, 0, 0, 0, 0, R, R);
            case TDG -> Matrix.of2x2(1, 0, 0, 0, 0, 0, R, -R);
            case SX -> Matrix.of2x2(0.5, 0.5, 0.5, -0.5, 0.5, -0.5, 0.5, 0.5);
            case SXDG -> Matrix.of2x2(0.5, -0.5, 0.5, 0.5, 0.5, 0.5, 0.5, -0.5);
            case RX -> rx(p[0]);
            case RY -> ry(p[0]);
            case RZ -> Matrix.diagonalPhases(-p[0] / 2, p[0] / 2);
            case P, U1 -> phase(p[0]);
            case U2 -> u(Math.PI / 2, p[0], p[1]);
            case U3, U -> u(p[0], p[1], p[2]);
            case GPHASE -> Matrix.of(new double[] {Math.cos(p[0])}, new double[] {Math.sin(p[0])});
            case CX -> X.matrix().controlled(1, false);
            case CY -> Y.matrix().controlled(1, false);
            case CZ -> Z.matrix().controlled(1, false);
            case CH -> H.matrix().controlled(1, false);
            case CSX -> SX.matrix().controlled(1, false);
            case CRX -> rx(p[0]).controlled(1, false);
            case CRY -> ry(p[0]).controlled(1, false);
            case CRZ -> RZ.matrix(p[0]).controlled(1, false);
            case CP, CU1 -> phase(p[0]).controlled(1, false);
            case CU3 -> u(p[0], p[1], p[2]).controlled(1, false);
            case CU -> u(p[0], p[1], p[2]).scale(Math.cos(p[3]), Math.sin(p[3])).controlled(1, false);
            case SWAP -> permutation(0, 2, 1, 3);
            case ISWAP -> Matrix.of(
                    new double[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1},
                    new double[] {0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0});
            case ECR -> Matrix.of(
                    new double[] {0, R, 0, 0, R, 0, 0, 0, 0, 0, 0, R, 0, 0, R, 0},
                    new double[] {0, 0, 0, R, 0, 0, -R, 0, 0, R, 0, 0, -R, 0, 0, 0});
            case RXX -> pauliRotation(p[0], X.matrix().tensor(X.matrix()));
            case RYY -> pauliRotation(p[0], Y.matrix().tensor(Y.matrix()));
            case RZZ -> Matrix.diagonalPhases(-p[0] / 2, p[0] / 2, p[0] / 2, -p[0] / 2);
            case RZX -> pauliRotation(p[0], X.matrix().tensor(Z.matrix()));
            case CCX -> X.matrix().controlled(2, false);
            case CSWAP -> permutation(0, 1, 2, 5, 4, 3, 6, 7);
            case C3X -> X.matrix().controlled(3, false);
            case C4X -> X.matrix().controlled(4, false);
            case C3SQRTX -> SX.matrix().controlled(3, false);
            case RCCX, RC3X -> GateDefinitions.unitary(gate.definition(), gate.numQubits(), Map.of());
        };
    }

    private static Matrix rx(double theta) {
        double c = Math.cos(theta / 2);
        double s = Math.sin(theta / 2);
        return Matrix.of2x2(c, 0, 0, -s, 0, -s, c, 0);
    }

    private static Matrix ry(double theta) {
        double c = Math.cos(theta / 2);
        double s = Math.sin(theta / 2);
        return Matrix.of2x2(c, 0, -s, 0, s, 0, c, 0);
    }

    private static Matrix phase(double lambda) {
        return Matrix.of2x2(1, 0, 0, 0, 0, 0, Math.cos(lambda), Math.sin(lambda));
    }

    /** U(theta, phi, lambda) = [[cos, -e^{i lambda} sin], [e^{i phi} sin, e^{i(phi+lambda)} cos]] of theta/2. */
    private static Matrix u(double theta, double phi, double lambda) {
        double c = Math.cos(theta / 2);
        double s = Math.sin(theta / 2);
        return Matrix.of2x2(
                c, 0,
                -Math.cos(lambda) * s, -Math.sin(lambda) * s,
                Math.cos(phi) * s, Math.sin(phi) * s,
                Math.cos(phi + lambda) * c, Math.sin(phi + lambda) * c);
    }

    /** exp(-i theta/2 P) = cos(theta/2) I - i sin(theta/2) P for a Pauli string P. */
    private static Matrix pauliRotation(double theta, Matrix pauli) {
        double c = Math.cos(theta / 2);
        double s = Math.sin(theta / 2);
        Matrix rotated = pauli.scale(0, -s);
        double[] re = rotated.realParts();
        double[] im = rotated.imaginaryParts();
        int d = pauli.dimension();
        for (int k = 0; k < d; k++) {
            re[k * d + k] += c;
        }
        return Matrix.of(re, im);
    }

    /** The permutation matrix sending basis state {@code k} to {@code target[k]}. */
    private static Matrix permutation(int... target) {
        int d = target.length;
        double[] re = new double[d * d];
        for (int k = 0; k < d; k++) {
            re[target[k] * d + k] = 1;
        }
        return Matrix.of(re, new double[d * d]);
    }
}
