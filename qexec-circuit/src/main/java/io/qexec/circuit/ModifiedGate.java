package io.qexec.circuit;

import java.util.List;
import java.util.Objects;

/**
 * A gate under one modifier; chains of modifiers nest, the outermost modifier last applied.
 *
 * @param base the gate being modified
 * @param modifier the modifier
 */
public record ModifiedGate(Gate base, GateModifier modifier) implements Gate {

    public ModifiedGate {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(modifier, "modifier");
    }

    /**
     * The simplest gate equal to {@code base} under {@code modifier}: a library gate where one matches
     * exactly ({@code ctrl @ x} is {@code cx}, {@code inv @ s} is {@code sdg}, {@code ctrl @ cx} is {@code ccx}),
     * otherwise a {@code ModifiedGate}. Parameters keep their meaning.
     */
    public static Gate of(Gate base, GateModifier modifier) {
        if (base instanceof StandardGate g) {
            StandardGate simple = switch (modifier) {
                case GateModifier.Control c when !c.negated() -> controlledStandard(g, c.count());
                case GateModifier.Inverse i -> switch (g) {
                    case ID, X, Y, Z, H, CX, CY, CZ, CH, SWAP, CCX, CSWAP, C3X, C4X -> g;
                    case S -> StandardGate.SDG;
                    case SDG -> StandardGate.S;
                    case T -> StandardGate.TDG;
                    case TDG -> StandardGate.T;
                    case SX -> StandardGate.SXDG;
                    case SXDG -> StandardGate.SX;
                    default -> null;
                };
                case GateModifier.Power p when p.exponent() == 1 -> g;
                default -> null;
            };
            if (simple != null) {
                return simple;
            }
        }
        return new ModifiedGate(base, modifier);
    }

    private static StandardGate controlledStandard(StandardGate g, int controls) {
        if (controls == 1) {
            return switch (g) {
                case X -> StandardGate.CX;
                case Y -> StandardGate.CY;
                case Z -> StandardGate.CZ;
                case H -> StandardGate.CH;
                case SX -> StandardGate.CSX;
                case RX -> StandardGate.CRX;
                case RY -> StandardGate.CRY;
                case RZ -> StandardGate.CRZ;
                case P -> StandardGate.CP;
                case U1 -> StandardGate.CU1;
                case U3 -> StandardGate.CU3;
                case SWAP -> StandardGate.CSWAP;
                case CX -> StandardGate.CCX;
                case CCX -> StandardGate.C3X;
                case C3X -> StandardGate.C4X;
                default -> null;
            };
        }
        if (controls == 2) {
            return switch (g) {
                case X -> StandardGate.CCX;
                case CX -> StandardGate.C3X;
                case CCX -> StandardGate.C4X;
                default -> null;
            };
        }
        if (controls == 3) {
            return switch (g) {
                case X -> StandardGate.C3X;
                case SX -> StandardGate.C3SQRTX;
                case CX -> StandardGate.C4X;
                default -> null;
            };
        }
        return controls == 4 && g == StandardGate.X ? StandardGate.C4X : null;
    }

    @Override
    public String qasmName() {
        return modifier + " " + base.qasmName();
    }

    @Override
    public int numQubits() {
        return modifier instanceof GateModifier.Control c ? base.numQubits() + c.count() : base.numQubits();
    }

    @Override
    public int numParams() {
        return base.numParams();
    }

    @Override
    public Matrix matrix(double... params) {
        Matrix m = base.matrix(params);
        return switch (modifier) {
            case GateModifier.Control c -> m.controlled(c.count(), c.negated());
            case GateModifier.Inverse i -> m.adjoint();
            case GateModifier.Power p -> m.power(p.exponent());
        };
    }

    @Override
    public boolean isClifford() {
        return !(modifier instanceof GateModifier.Control) && base.isClifford();
    }

    /**
     * The definition, derived exactly from the base gate's: the inverse reverses and inverts it, a power
     * repeats it, and a control modifier controls each of its operations.
     */
    @Override
    public List<Instruction> definition() {
        List<Instruction> body = base.definition();
        if (body.isEmpty()) {
            return List.of();
        }
        return switch (modifier) {
            case GateModifier.Inverse i -> GateDefinitions.inverse(body);
            case GateModifier.Power p -> GateDefinitions.power(body, p.exponent());
            case GateModifier.Control c -> GateDefinitions.controlled(body, c);
        };
    }

    @Override
    public List<String> parameterNames() {
        return base.parameterNames();
    }

    @Override
    public String toString() {
        return qasmName();
    }
}
