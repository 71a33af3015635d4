package io.qexec.qasm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qexec.circuit.Barrier;
import io.qexec.circuit.Circuit;
import io.qexec.circuit.Condition;
import io.qexec.circuit.DefinedGate;
import io.qexec.circuit.Expr;
import io.qexec.circuit.GateOp;
import io.qexec.circuit.IfElse;
import io.qexec.circuit.Instruction;
import io.qexec.circuit.Measure;
import io.qexec.circuit.Reset;
import io.qexec.circuit.StandardGate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenQasm2ReaderTest {
    private static final String HEADER = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\n";

    private static GateOp op(Circuit c, int index) {
        return (GateOp) c.instructions().get(index);
    }

    @Test
    void registersAreNumberedInDeclarationOrder() {
        Circuit c = OpenQasm.parse(HEADER + "qreg a[2];\nqreg b[3];\ncreg m[2];\ncreg n[1];\nx b[0];\nmeasure a[1] -> n[0];\n");
        assertThat(c.numQubits()).isEqualTo(5);
        assertThat(c.numClbits()).isEqualTo(3);
        assertThat(op(c, 0).qubits()).containsExactly(2);
        assertThat(c.instructions().get(1)).isEqualTo(new Measure(1, 2));
    }

    @Test
    void theQiskitExtendedLibraryIsBuiltIn() {
        Circuit c = OpenQasm.parse(HEADER + "qreg q[5];\nsx q[0];\nsxdg q[0];\nswap q[0],q[1];\ncswap q[0],q[1],q[2];\n"
                + "crx(0.1) q[0],q[1];\ncry(0.2) q[0],q[1];\ncrz(0.3) q[0],q[1];\ncu(1,2,3,4) q[0],q[1];\ncsx q[0],q[1];\n"
                + "rxx(0.5) q[0],q[1];\nrzz(0.5) q[0],q[1];\nrccx q[0],q[1],q[2];\nrc3x q[0],q[1],q[2],q[3];\n"
                + "c3x q[0],q[1],q[2],q[3];\nc3sqrtx q[0],q[1],q[2],q[3];\nc4x q[0],q[1],q[2],q[3],q[4];\nu0(1) q[0];\n"
                + "cp(0.1) q[0],q[1];\np(0.2) q[0];\nu(1,2,3) q[0];\nU(1,2,3) q[0];\nCX q[0],q[1];\n");
        assertThat(c.instructions()).allSatisfy(i -> assertThat(((GateOp) i).gate()).isInstanceOf(StandardGate.class));
        assertThat(op(c, 0).gate()).isEqualTo(StandardGate.SX);
        assertThat(op(c, 7).gate()).isEqualTo(StandardGate.CU);
        assertThat(op(c, 15).gate()).isEqualTo(StandardGate.C4X);
        assertThat(op(c, 20).gate()).isEqualTo(StandardGate.U);
        assertThat(op(c, 21).gate()).isEqualTo(StandardGate.CX);
    }

    @Test
    void parameterExpressions() {
        Circuit c = OpenQasm.parse(HEADER + "qreg q[1];\n"
                + "rz(pi/2) q[0];\nrz(-pi) q[0];\nrz(2^3) q[0];\nrz(-2^2) q[0];\nrz(sin(pi/2)+cos(0)*tan(0)) q[0];\n"
                + "rz(exp(1)-ln(1)+sqrt(4)) q[0];\nrz((1+2)*3/4) q[0];\nrz(1.5e-3) q[0];\nrz(.5) q[0];\nrz(2^3^2) q[0];\n");
        double[] expected = {Math.PI / 2, -Math.PI, 8, -4, 1, Math.E + 2, 9.0 / 4, 1.5e-3, 0.5, 512};
        for (int i = 0; i < expected.length; i++) {
            assertThat(op(c, i).params().get(0).value()).as("instruction %d", i).isCloseTo(expected[i], within(1e-12));
        }
    }

    @Test
    void gateDefinitionsKeepTheirBodyWithSymbolicParameters() {
        Circuit c = OpenQasm.parse(HEADER + "gate rot(a, b) x, y { rz(a) x; cx x, y; ry(-b/2) y; }\n"
                + "qreg q[2];\nrot(0.5, pi) q[1], q[0];\n");
        GateOp call = op(c, 0);
        assertThat(call.gate()).isInstanceOf(DefinedGate.class);
        DefinedGate rot = (DefinedGate) call.gate();
        assertThat(rot.parameterNames()).containsExactly("a", "b");
        assertThat(rot.numQubits()).isEqualTo(2);
        assertThat(rot.definition()).hasSize(3);
        assertThat(((GateOp) rot.definition().get(2)).params().get(0))
                .isEqualTo(Expr.symbol("b").negate().dividedBy(2));
        assertThat(call.qubits()).containsExactly(1, 0);
        assertThat(call.params()).containsExactly(Expr.constant(0.5), Expr.constant(Math.PI));
    }

    @Test
    void aRedefinitionOfALibraryGateWithTheSameUnitaryKeepsTheLibraryGate() {
        Circuit same = OpenQasm.parse(HEADER + "gate cz a, b { h b; cx a, b; h b; }\n"
                + "gate crz(t) a, b { rz(t/2) b; cx a, b; rz(-t/2) b; cx a, b; }\nqreg q[2];\ncz q[0], q[1];\ncrz(0.3) q[0], q[1];\n");
        assertThat(op(same, 0).gate()).isEqualTo(StandardGate.CZ);
        assertThat(op(same, 1).gate()).isEqualTo(StandardGate.CRZ);
    }

    @Test
    void aRedefinitionWithAnotherUnitaryOrSignatureKeepsTheUsersDefinition() {
        Circuit c = OpenQasm.parse(HEADER + "gate cz a, b { cx a, b; }\ngate cu c, t { cx c, t; }\nqreg q[2];\n"
                + "cz q[0], q[1];\ncu q[0], q[1];\n");
        assertThat(op(c, 0).gate()).isInstanceOf(DefinedGate.class);
        assertThat(op(c, 1).gate()).isInstanceOf(DefinedGate.class);
        assertThat(op(c, 1).gate().numParams()).isZero();
    }

    @Test
    void opaqueGates() {
        Circuit c = OpenQasm.parse(HEADER + "opaque magic(a) x, y;\nqreg q[2];\nmagic(0.1) q[0], q[1];\n");
        DefinedGate magic = (DefinedGate) op(c, 0).gate();
        assertThat(magic.opaque()).isTrue();
        assertThat(magic.numParams()).isEqualTo(1);
        assertThat(magic.numQubits()).isEqualTo(2);
    }

    @Test
    void registersBroadcast() {
        Circuit c = OpenQasm.parse(HEADER + "qreg a[3];\nqreg b[3];\ncreg m[3];\nh a;\ncx a, b;\ncx a[0], b;\n"
                + "measure b -> m;\nreset a;\nbarrier a, b[0];\n");
        List<Instruction> is = c.instructions();
        assertThat(is).hasSize(3 + 3 + 3 + 3 + 3 + 1);
        assertThat(op(c, 3).qubits()).containsExactly(0, 3);
        assertThat(op(c, 5).qubits()).containsExactly(2, 5);
        assertThat(op(c, 8).qubits()).containsExactly(0, 5);
        assertThat(is.get(9)).isEqualTo(new Measure(3, 0));
        assertThat(is.get(12)).isEqualTo(new Reset(0));
        assertThat(is.get(15)).isEqualTo(new Barrier(List.of(0, 1, 2, 3)));
    }

    @Test
    void conditionsGuardEachOperationOnAWholeRegister() {
        Circuit c = OpenQasm.parse(HEADER + "qreg q[2];\ncreg a[1];\ncreg c[2];\nif (c == 2) x q;\n"
                + "if(a==1) measure q[0] -> c[1];\n");
        assertThat(c.instructions()).hasSize(3);
        Condition cond = Condition.equal(List.of(1, 2), 2);
        assertThat(c.instructions().get(0)).isEqualTo(IfElse.guard(cond, GateOp.of(StandardGate.X, new double[0], 0)));
        assertThat(c.instructions().get(1)).isEqualTo(IfElse.guard(cond, GateOp.of(StandardGate.X, new double[0], 1)));
        assertThat(c.instructions().get(2)).isEqualTo(IfElse.guard(Condition.equal(List.of(0), 1), new Measure(0, 2)));
    }

    @Test
    void includesAreReadRelativeToTheIncludingFile(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve("lib/mygates.inc"), "gate bell a, b { h a; cx a, b; }\n");
        Files.writeString(dir.resolve("main.qasm"), HEADER + "include \"lib/mygates.inc\";\nqreg q[2];\nbell q[0], q[1];\n");
        Circuit c = OpenQasm.parse(dir.resolve("main.qasm"));
        assertThat(op(c, 0).gate().qasmName()).isEqualTo("bell");
        assertThat(c.name()).isEqualTo("main");
    }

    @Test
    void commentsAndWhitespaceAreIgnored() {
        Circuit c = OpenQasm.parse("// leading\nOPENQASM 2.0; /* block\n comment */ include \"qelib1.inc\";\r\n"
                + "qreg q[1];\t// tab\nh\nq[0]\n;\n");
        assertThat(c.instructions()).containsExactly(GateOp.of(StandardGate.H, new double[0], 0));
    }

    @Test
    void withoutAnIncludeOnlyUAndCxExist() {
        Circuit c = OpenQasm.parse("OPENQASM 2.0;\nqreg q[2];\nU(pi,0,pi) q[0];\nCX q[0],q[1];\n");
        assertThat(c.gateCounts()).containsEntry("u", 1).containsEntry("cx", 1);
    }
}
