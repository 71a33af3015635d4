package io.qexec.circuit;

import static io.qexec.circuit.StandardGate.*;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Definitions of the library gates in terms of simpler library gates; expanding recursively ends in
 * U and CX. Each definition equals the gate's matrix up to a global phase (tested).
 */
final class StandardDefinitions {
    private static final Map<StandardGate, List<Instruction>> CACHE = new EnumMap<>(StandardGate.class);
    private static final Expr PI = Expr.PI;

    private StandardDefinitions() {
    }

    static synchronized List<Instruction> of(StandardGate gate) {
        return CACHE.computeIfAbsent(gate, StandardDefinitions::define);
    }

    private static Expr c(double v) {
        return Expr.constant(v);
    }

    private static Expr pi(double factor) {
        return c(Math.PI * factor);
    }

    private static Expr sym(String name) {
        return Expr.symbol(name);
    }

    /** A small recorder of operations. */
    private static final class Body {
        final List<Instruction> ops = new ArrayList<>();

        Body g(StandardGate gate, int... qubits) {
            ops.add(GateOp.of(gate, new double[0], qubits));
            return this;
        }

        Body g(StandardGate gate, Expr p, int... qubits) {
            return g(gate, new Expr[] {p}, qubits);
        }

        Body g(StandardGate gate, Expr[] params, int... qubits) {
            List<Integer> qs = new ArrayList<>();
            for (int q : qubits) {
                qs.add(q);
            }
            ops.add(new GateOp(gate, List.of(params), qs));
            return this;
        }

        Body u(Expr theta, Expr phi, Expr lambda, int q) {
            return g(U, new Expr[] {theta, phi, lambda}, q);
        }
    }

    private static List<Instruction> define(StandardGate gate) {
        Body b = new Body();
        Expr theta = sym("theta");
        Expr lambda = sym("lambda");
        switch (gate) {
            case U, CX, GPHASE -> {
                return List.of();
            }
            case ID, U0 -> b.u(c(0), c(0), c(0), 0);
            case X -> b.u(PI, c(0), PI, 0);
            case Y -> b.u(PI, pi(0.5), pi(0.5), 0);
            case Z -> b.g(U1, PI, 0);
            case H -> b.u(pi(0.5), c(0), PI, 0);
            case S -> b.g(U1, pi(0.5), 0);
            case SDG -> b.g(U1, pi(-0.5), 0);
            case T -> b.g(U1, pi(0.25), 0);
            case TDG -> b.g(U1, pi(-0.25), 0);
            case SX -> b.g(SDG, 0).g(H, 0).g(SDG, 0);
            case SXDG -> b.g(S, 0).g(H, 0).g(S, 0);
            case RX -> b.u(theta, pi(-0.5), pi(0.5), 0);
            case RY -> b.u(theta, c(0), c(0), 0);
            case RZ -> b.u(c(0), c(0), theta, 0);
            case P, U1 -> b.u(c(0), c(0), lambda, 0);
            case U2 -> b.u(pi(0.5), sym("phi"), lambda, 0);
            case U3 -> b.u(theta, sym("phi"), lambda, 0);
            case CY -> b.g(SDG, 1).g(CX, 0, 1).g(S, 1);
            case CZ -> b.g(H, 1).g(CX, 0, 1).g(H, 1);
            case CH -> b.g(RY, pi(-0.25), 1).g(CZ, 0, 1).g(RY, pi(0.25), 1);
            case SWAP -> b.g(CX, 0, 1).g(CX, 1, 0).g(CX, 0, 1);
            case ISWAP -> b.g(S, 0).g(S, 1).g(H, 0).g(CX, 0, 1).g(CX, 1, 0).g(H, 1);
            case ECR -> b.g(RZX, pi(0.25), 0, 1).g(X, 0).g(RZX, pi(-0.25), 0, 1);
            case CRX -> b.g(U1, pi(0.5), 1).g(CX, 0, 1).g(U3, new Expr[] {theta.dividedBy(-2), c(0), c(0)}, 1)
                    .g(CX, 0, 1).g(U3, new Expr[] {theta.dividedBy(2), pi(-0.5), c(0)}, 1);
            case CRY -> b.g(RY, theta.dividedBy(2), 1).g(CX, 0, 1).g(RY, theta.dividedBy(-2), 1).g(CX, 0, 1);
            case CRZ -> b.g(RZ, theta.dividedBy(2), 1).g(CX, 0, 1).g(RZ, theta.dividedBy(-2), 1).g(CX, 0, 1);
            case CP, CU1 -> b.g(U1, lambda.dividedBy(2), 0).g(CX, 0, 1).g(U1, lambda.dividedBy(-2), 1).g(CX, 0, 1)
                    .g(U1, lambda.dividedBy(2), 1);
            case CU3 -> {
                Expr phi = sym("phi");
                b.g(U1, lambda.plus(phi).dividedBy(2), 0).g(U1, lambda.minus(phi).dividedBy(2), 1).g(CX, 0, 1)
                        .g(U3, new Expr[] {theta.dividedBy(-2), c(0), phi.plus(lambda).dividedBy(-2)}, 1)
                        .g(CX, 0, 1).g(U3, new Expr[] {theta.dividedBy(2), phi, c(0)}, 1);
            }
            case CU -> b.g(P, sym("gamma"), 0).g(CU3, new Expr[] {theta, sym("phi"), lambda}, 0, 1);
            case CSX -> b.g(H, 1).g(CU1, pi(0.5), 0, 1).g(H, 1);
            case RXX -> b.g(H, 0).g(H, 1).g(CX, 0, 1).g(RZ, theta, 1).g(CX, 0, 1).g(H, 0).g(H, 1);
            case RYY -> b.g(RX, pi(0.5), 0).g(RX, pi(0.5), 1).g(CX, 0, 1).g(RZ, theta, 1).g(CX, 0, 1)
                    .g(RX, pi(-0.5), 0).g(RX, pi(-0.5), 1);
            case RZZ -> b.g(CX, 0, 1).g(U1, theta, 1).g(CX, 0, 1);
            case RZX -> b.g(H, 1).g(CX, 0, 1).g(RZ, theta, 1).g(CX, 0, 1).g(H, 1);
            case CCX -> b.g(H, 2).g(CX, 1, 2).g(TDG, 2).g(CX, 0, 2).g(T, 2).g(CX, 1, 2).g(TDG, 2).g(CX, 0, 2)
                    .g(T, 1).g(T, 2).g(H, 2).g(CX, 0, 1).g(T, 0).g(TDG, 1).g(CX, 0, 1);
            case CSWAP -> b.g(CX, 2, 1).g(CCX, 0, 1, 2).g(CX, 2, 1);
            case RCCX -> b.g(U2, new Expr[] {c(0), PI}, 2).g(U1, pi(0.25), 2).g(CX, 1, 2).g(U1, pi(-0.25), 2)
                    .g(CX, 0, 2).g(U1, pi(0.25), 2).g(CX, 1, 2).g(U1, pi(-0.25), 2).g(U2, new Expr[] {c(0), PI}, 2);
            case RC3X -> b.g(U2, new Expr[] {c(0), PI}, 3).g(U1, pi(0.25), 3).g(CX, 2, 3).g(U1, pi(-0.25), 3)
                    .g(U2, new Expr[] {c(0), PI}, 3).g(CX, 0, 3).g(U1, pi(0.25), 3).g(CX, 1, 3).g(U1, pi(-0.25), 3)
                    .g(CX, 0, 3).g(U1, pi(0.25), 3).g(CX, 1, 3).g(U1, pi(-0.25), 3).g(U2, new Expr[] {c(0), PI}, 3)
                    .g(U1, pi(0.25), 3).g(CX, 2, 3).g(U1, pi(-0.25), 3).g(U2, new Expr[] {c(0), PI}, 3);
            // Multi-controlled gates: target conjugated by H around a multi-controlled phase, which is split
            // exactly with C^k P(a) = CP(a/2)(c_k,t) C^{k-1}X(c_k) CP(-a/2)(c_k,t) C^{k-1}X(c_k) C^{k-1}P(a/2).
            case C3X -> {
                b.g(H, 3);
                controlledPhase3(b, 1.0, 0, 1, 2, 3);
                b.g(H, 3);
            }
            case C3SQRTX -> {
                b.g(H, 3);
                controlledPhase3(b, 0.5, 0, 1, 2, 3);
                b.g(H, 3);
            }
            case C4X -> {
                // C^4 P(pi) on (0,1,2,3 -> 4) = CP(pi/2)(3,4) C3X(0,1,2,3) CP(-pi/2)(3,4) C3X(0,1,2,3) C^3 P(pi/2)(0,1,2 -> 4)
                // and C^3 P(pi/2) = H C3SQRTX H on the target, whose trailing H cancels the outer one.
                b.g(H, 4);
                b.g(CP, pi(0.5), 3, 4).g(C3X, 0, 1, 2, 3).g(CP, pi(-0.5), 3, 4).g(C3X, 0, 1, 2, 3);
                b.g(H, 4).g(C3SQRTX, 0, 1, 2, 4);
            }
        }
        return List.copyOf(b.ops);
    }

    /** C^3 P(factor*pi) with controls a, b, c and target t. */
    private static void controlledPhase3(Body body, double factor, int a, int b, int c, int t) {
        body.g(CP, pi(factor / 2), c, t).g(CCX, a, b, c).g(CP, pi(-factor / 2), c, t).g(CCX, a, b, c);
        // C^2 P(factor*pi/2) on (a, b -> t)
        double half = factor / 2;
        body.g(CP, pi(half / 2), b, t).g(CX, a, b).g(CP, pi(-half / 2), b, t).g(CX, a, b).g(CP, pi(half / 2), a, t);
    }
}
