package io.qexec.sim.stabilizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qexec.circuit.Circuit;
import io.qexec.circuit.CircuitBuilder;
import io.qexec.circuit.Condition;
import io.qexec.circuit.DefinedGate;
import io.qexec.circuit.Expr;
import io.qexec.circuit.GateOp;
import io.qexec.circuit.StandardGate;
import io.qexec.sim.SimulationException;
import io.qexec.sim.SimulationOptions;
import io.qexec.sim.SimulationResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StabilizerSimulatorTest {
    private final StabilizerSimulator sim = new StabilizerSimulator();

    private SimulationResult run(Circuit c, int shots, long seed) {
        return sim.run(c, SimulationOptions.shots(shots).withSeed(seed));
    }

    @Test
    void xOnQubitZeroReadsZeroOneInQiskitOrder() {
        Circuit c = Circuit.builder(2).x(0).measureAll().build();
        SimulationResult r = run(c, 10, 1);
        assertThat(r.method()).isEqualTo("stabilizer");
        assertThat(r.counts()).containsExactly(Map.entry("01", 10L));
    }

    @Test
    void severalRegistersAreGroupedLastDeclaredLeftmost() {
        Circuit c = Circuit.builder().quantumRegister("q", 5).classicalRegister("a", 2).classicalRegister("b", 3)
                .x(0).x(4).measure(0, 0).measure(4, 4).build();
        assertThat(run(c, 5, 1).counts()).containsExactly(Map.entry("100 01", 5L));
    }

    @Test
    void ghzOfAThousandQubitsReadsAllZerosOrAllOnes() {
        int n = 1000;
        CircuitBuilder b = Circuit.builder(n).h(0);
        for (int q = 0; q + 1 < n; q++) {
            b.cx(q, q + 1);
        }
        SimulationResult r = run(b.measureAll().build(), 1000, 7);
        assertThat(r.counts()).containsOnlyKeys("0".repeat(n), "1".repeat(n));
        long zeros = r.counts().get("0".repeat(n));
        // binomial(1000, 1/2): five standard deviations is about 79
        assertThat(zeros).isBetween(500L - 80, 500L + 80);
    }

    @Test
    void memoryListsEveryShotInOrderAndMatchesCounts() {
        Circuit c = Circuit.builder(2).h(0).cx(0, 1).measureAll().build();
        SimulationResult r = sim.run(c, SimulationOptions.shots(300).withSeed(3).withMemory(true));
        assertThat(r.memory()).hasSize(300).allMatch(s -> s.equals("00") || s.equals("11"));
        assertThat(r.memory().stream().filter("11"::equals).count()).isEqualTo(r.counts().get("11"));
    }

    @Test
    void aSeedMakesTheRunReproducibleAndIsReported() {
        Circuit c = Circuit.builder(6).h(0).h(1).h(2).cx(2, 3).s(4).h(4).measureAll().build();
        SimulationOptions options = SimulationOptions.shots(200).withSeed(99).withMemory(true);
        assertThat(sim.run(c, options).memory()).isEqualTo(sim.run(c, options).memory());
        assertThat(sim.run(c, options).seed()).isEqualTo(99);
        SimulationResult unseeded = sim.run(c, SimulationOptions.shots(50).withMemory(true));
        SimulationResult replay = sim.run(c, SimulationOptions.shots(50).withMemory(true).withSeed(unseeded.seed()));
        assertThat(replay.memory()).isEqualTo(unseeded.memory());
    }

    @Test
    void refusesANonCliffordGateNamingItAndItsPosition() {
        Circuit c = Circuit.builder(2).h(0).cx(0, 1).t(1).measureAll().build();
        assertThatThrownBy(() -> run(c, 1, 1)).isInstanceOf(SimulationException.class)
                .hasMessageContaining("gate t on qubits [1] at instruction 2 is not a Clifford gate")
                .hasMessageContaining("statevector");
        Circuit rz = Circuit.builder(1).rz(0.3, 0).build();
        assertThatThrownBy(() -> run(rz, 1, 1)).hasMessageContaining("gate rz(0.3)");
    }

    @Test
    void namesANonCliffordGateInsideAControlledBlockOrAUserGate() {
        Circuit c = Circuit.builder(2, 2).h(0).measure(0, 0).ifThen(Condition.bit(0, true), b -> b.x(1).t(1)).build();
        assertThatThrownBy(() -> run(c, 1, 1))
                .hasMessageContaining("gate t on qubits [1] at instruction 1 of the if block at instruction 2");
        DefinedGate mine = DefinedGate.of("mine", List.of(), 1,
                List.of(GateOp.of(StandardGate.H, new double[0], 0), GateOp.of(StandardGate.T, new double[0], 0)));
        Circuit d = Circuit.builder(1).gate(mine, new double[0], 0).build();
        assertThatThrownBy(() -> run(d, 1, 1)).hasMessageContaining("gate t on qubits [0] at instruction 1 inside mine");
    }

    @Test
    void refusesAnUnboundParameter() {
        Circuit c = Circuit.builder(1).rz(Expr.symbol("theta"), 0).build();
        assertThatThrownBy(() -> run(c, 1, 1)).isInstanceOf(SimulationException.class).hasMessageContaining("theta");
    }

    @Test
    void quarterTurnRotationsAndUserGatesRunExactly() {
        // rz(pi/2) = S up to phase: H, rz(pi/2), rz(pi/2), H = H Z H = X, so the qubit reads 1
        Circuit c = Circuit.builder(1).h(0).rz(Math.PI / 2, 0).rz(Math.PI / 2, 0).h(0).measureAll().build();
        assertThat(run(c, 20, 1).counts()).containsExactly(Map.entry("1", 20L));
        // a user gate whose parts are not Clifford but whose whole is: t; t = s
        DefinedGate tt = DefinedGate.of("tt", List.of(), 1,
                List.of(GateOp.of(StandardGate.T, new double[0], 0), GateOp.of(StandardGate.T, new double[0], 0)));
        Circuit d = Circuit.builder(1).h(0).gate(tt, new double[0], 0).gate(tt, new double[0], 0).h(0).measureAll()
                .build();
        assertThat(run(d, 20, 1).counts()).containsExactly(Map.entry("1", 20L));
    }

    @Test
    void teleportationWithPauliFeedbackAlwaysDeliversTheState() {
        // teleport |1> from qubit 0 to qubit 2 with corrections conditioned on the two measured bits
        Circuit c = Circuit.builder().quantumRegister("q", 3).classicalRegister("m", 2).classicalRegister("out", 1)
                .x(0)
                .h(1).cx(1, 2)
                .cx(0, 1).h(0)
                .measure(0, 0).measure(1, 1)
                .ifThen(Condition.bit(1, true), b -> b.x(2))
                .ifThen(Condition.bit(0, true), b -> b.z(2))
                .measure(2, 2)
                .build();
        assertThat(CircuitTranslator.translate(c).frameSampleable()).isTrue();
        SimulationResult r = run(c, 2000, 5);
        assertThat(r.counts().keySet()).allMatch(k -> k.startsWith("1 "));
        assertThat(r.counts()).hasSize(4);
    }

    @Test
    void registerEqualityConditionsAsInOpenQasmTwo() {
        // if (c == 2) x q[2]: c = (c1 c0) = 10 exactly when q1 was 1 and q0 was 0
        Circuit c = Circuit.builder(3, 3).x(1).measure(0, 0).measure(1, 1)
                .ifThen(Condition.equal(List.of(0, 1), 2), b -> b.x(2)).measure(2, 2).build();
        assertThat(run(c, 100, 1).counts()).containsExactly(Map.entry("110", 100L));
    }

    @Test
    void conditionedCliffordGatesRunPerShot() {
        // measure a random bit, then if it is 1 apply H to a fresh qubit: 1x is 50/50, 00 always
        Circuit c = Circuit.builder(2, 2).h(0).measure(0, 0)
                .ifThen(Condition.bit(0, true), b -> b.h(1)).measure(1, 1).build();
        assertThat(CircuitTranslator.translate(c).frameSampleable()).isFalse();
        SimulationResult r = run(c, 4000, 11);
        assertThat(r.counts()).containsOnlyKeys("00", "01", "11");
        double bound = 5 * Math.sqrt(4000 * 0.25 * 0.75);
        assertThat((double) r.counts().get("00")).isBetween(2000 - 5 * Math.sqrt(1000.0), 2000 + 5 * Math.sqrt(1000.0));
        assertThat((double) r.counts().get("11")).isBetween(1000 - bound, 1000 + bound);
    }

    @Test
    void repeatUntilSuccessLoopEndsInTheWantedState() {
        // prepare |+>, measure until it reads 1
        Circuit c = Circuit.builder(1, 1).h(0).measure(0, 0)
                .whileLoop(Condition.bit(0, false), b -> b.reset(0).h(0).measure(0, 0)).build();
        assertThat(run(c, 200, 2).counts()).containsExactly(Map.entry("1", 200L));
    }

    @Test
    void midCircuitResetClearsTheQubit() {
        Circuit c = Circuit.builder(2, 2).h(0).cx(0, 1).measure(0, 0).reset(0).measure(0, 1).build();
        SimulationResult r = run(c, 500, 4);
        assertThat(r.counts()).containsOnlyKeys("00", "01");
    }

    @Test
    void aCircuitWithoutClassicalBitsGivesTheEmptyOutcome() {
        Circuit c = Circuit.builder(3).h(0).cx(0, 1).build();
        assertThat(run(c, 7, 1).counts()).containsExactly(Map.entry("", 7L));
    }
}
