package io.qexec.sim.statevector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.qexec.circuit.Circuit;
import io.qexec.circuit.CircuitBuilder;
import io.qexec.circuit.Condition;
import io.qexec.circuit.DefinedGate;
import io.qexec.circuit.Expr;
import io.qexec.circuit.GateModifier;
import io.qexec.circuit.GateOp;
import io.qexec.circuit.ModifiedGate;
import io.qexec.circuit.StandardGate;
import io.qexec.sim.InsufficientMemoryException;
import io.qexec.sim.SimulationException;
import io.qexec.sim.SimulationOptions;
import io.qexec.sim.SimulationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class StatevectorSimulatorTest {
    private final StatevectorSimulator sim = new StatevectorSimulator();

    private static SimulationOptions shots(int n) {
        return SimulationOptions.shots(n).withSeed(1234);
    }

    @Test
    void classicalBitZeroIsTheRightmostCharacter() {
        Circuit c = Circuit.builder(2, 2).x(0).measure(0, 0).measure(1, 1).build();
        assertThat(sim.run(c, shots(10)).counts()).isEqualTo(Map.of("01", 10L));
    }

    @Test
    void severalRegistersAreGroupedLastDeclaredLeftmost() {
        Circuit c = Circuit.builder(3).classicalRegister("a", 1).classicalRegister("b", 2)
                .x(0).x(2).measure(0, 0).measure(1, 1).measure(2, 2).build();
        assertThat(sim.run(c, shots(5)).counts()).isEqualTo(Map.of("10 1", 5L));
    }

    @Test
    void outcomesAreNamedInQubitOrderAfterSwapsAreAppliedByRenaming() {
        double[] theta = {0.4, 1.1, 2.0};
        // swap(0, 2), then swap(1, 2) written as three cx: q0 ends with qubit 2's state, q1 with 0's, q2 with 1's
        Circuit c = Circuit.builder(3, 3).ry(theta[0], 0).ry(theta[1], 1).ry(theta[2], 2).swap(0, 2)
                .cx(1, 2).cx(2, 1).cx(1, 2).measure(0, 0).measure(1, 1).measure(2, 2).build();
        double[] one = {Math.pow(Math.sin(theta[2] / 2), 2), Math.pow(Math.sin(theta[0] / 2), 2),
            Math.pow(Math.sin(theta[1] / 2), 2)};
        for (boolean memory : new boolean[] {false, true}) {
            SimulationResult r = sim.run(c, shots(20_000).withMemory(memory));
            for (int x = 0; x < 8; x++) {
                double p = 1;
                for (int q = 0; q < 3; q++) {
                    p *= ((x >> q) & 1) == 1 ? one[q] : 1 - one[q];
                }
                String key = io.qexec.circuit.Bitstrings.format(x, 3);
                assertThat(r.probabilities().get(key)).as(key).isCloseTo(p, within(1e-12));
                double sigma = Math.sqrt(20_000 * p * (1 - p));
                assertThat((double) r.counts().getOrDefault(key, 0L)).as(key).isBetween(20_000 * p - 5 * sigma - 1,
                        20_000 * p + 5 * sigma + 1);
            }
        }
        // a subset, in another order: c0 <- q2, c1 <- q0
        Circuit sub = Circuit.builder(3, 2).ry(theta[0], 0).ry(theta[1], 1).ry(theta[2], 2).swap(0, 2)
                .cx(1, 2).cx(2, 1).cx(1, 2).measure(2, 0).measure(0, 1).build();
        SimulationResult r = sim.run(sub, shots(1000));
        assertThat(r.probabilities().get("01")).isCloseTo((1 - one[0]) * one[2], within(1e-12));
        assertThat(r.probabilities().get("10")).isCloseTo(one[0] * (1 - one[2]), within(1e-12));
    }

    @Test
    void bellStateGivesTwoOutcomesWithExactProbabilities() {
        Circuit c = Circuit.builder(2, 2).h(0).cx(0, 1).measure(0, 0).measure(1, 1).build();
        SimulationResult r = sim.run(c, shots(4000));
        assertThat(r.counts().keySet()).containsExactly("00", "11");
        assertThat(r.counts().get("00")).isBetween(2000 - 5 * 32L, 2000 + 5 * 32L);
        assertThat(r.probabilities().get("00")).isCloseTo(0.5, within(1e-12));
        assertThat(r.probabilities().get("11")).isCloseTo(0.5, within(1e-12));
        assertThat(r.method()).isEqualTo("statevector");
        assertThat(r.seed()).isEqualTo(1234);
    }

    @Test
    void knownDeterministicCircuits() {
        // toffoli: x x ccx -> 111
        Circuit toffoli = Circuit.builder(3, 3).x(0).x(1).ccx(0, 1, 2).measureAll().build();
        assertThat(sim.run(toffoli, shots(100)).counts()).isEqualTo(Map.of("111", 100L));
        // fredkin: x q0, x q1, cswap(q0; q1, q2) -> q2 = 1, q1 = 0 -> 101
        Circuit fredkin = Circuit.builder(3, 3).x(0).x(1).cswap(0, 1, 2).measureAll().build();
        assertThat(sim.run(fredkin, shots(100)).counts()).isEqualTo(Map.of("101", 100L));
        // Bernstein-Vazirani with the all-ones secret on 13 bits (14 qubits): every shot reads 13 ones
        int n = 14;
        CircuitBuilder bv = Circuit.builder(n, n - 1).x(n - 1).h(n - 1);
        for (int i = 0; i < n - 1; i++) {
            bv.h(i);
        }
        for (int i = 0; i < n - 1; i++) {
            bv.cx(i, n - 1);
        }
        for (int i = 0; i < n - 1; i++) {
            bv.h(i).measure(i, i);
        }
        assertThat(sim.run(bv.build(), shots(50)).counts()).isEqualTo(Map.of("1".repeat(n - 1), 50L));
        // Cuccaro ripple-carry adder: 1 + 3 = 4
        assertThat(sim.run(cuccaroAdder(), shots(64)).counts()).isEqualTo(Map.of("1001", 64L));
    }

    /**
     * Cuccaro ripple-carry adder on 2-bit registers; qubits cin=0, a0=1, b0=2, a1=3, b1=4, cout=5,
     * a = 1 and b = 3. Reads cout b1 b0 a0 = 1 0 0 1 (the sum 4 = 100 and a0 unchanged).
     */
    private static Circuit cuccaroAdder() {
        CircuitBuilder b = Circuit.builder(6, 4).x(1).x(2).x(4);
        majority(b, 0, 2, 1);
        majority(b, 1, 4, 3);
        b.cx(3, 5);
        unmajority(b, 1, 4, 3);
        unmajority(b, 0, 2, 1);
        return b.measure(1, 0).measure(2, 1).measure(4, 2).measure(5, 3).build();
    }

    private static void majority(CircuitBuilder b, int x, int y, int z) {
        b.cx(z, y).cx(z, x).ccx(x, y, z);
    }

    private static void unmajority(CircuitBuilder b, int x, int y, int z) {
        b.ccx(x, y, z).cx(z, x).cx(x, y);
    }

    @Test
    void ghzGivesAllZerosOrAllOnes() {
        int n = 16;
        CircuitBuilder b = Circuit.builder(n, n).h(0);
        for (int i = 1; i < n; i++) {
            b.cx(i - 1, i);
        }
        SimulationResult r = sim.run(b.measureAll().build(), shots(2000));
        assertThat(r.counts().keySet()).containsExactlyInAnyOrder("0".repeat(n), "1".repeat(n));
        assertThat(r.counts().get("0".repeat(n))).isBetween(1000 - 5 * 23L, 1000 + 5 * 23L);
    }

    @Property(tries = 60, seed = "31")
    void everyLibraryGateMatchesItsMatrix(@ForAll @IntRange(min = 0, max = 200) int pick, @ForAll long seed) {
        StandardGate[] all = StandardGate.values();
        StandardGate g = all[pick % all.length];
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 5;
        double[] params = new double[g.numParams()];
        for (int i = 0; i < params.length; i++) {
            params[i] = rnd.nextDouble(-4, 4);
        }
        int[] qubits = Reference.distinct(g.numQubits(), n, rnd);
        checkAgainstMatrix(GateOp.of(g, params, qubits), n, rnd);
    }

    @Test
    void modifiedAndDefinedGatesMatchTheirMatrices() {
        SplittableRandom rnd = new SplittableRandom(5);
        DefinedGate mine = DefinedGate.of("mine", List.of("a"), 2, List.of(
                new GateOp(StandardGate.RY, List.of(Expr.symbol("a")), List.of(0)),
                GateOp.of(StandardGate.CX, new double[0], 0, 1),
                GateOp.of(StandardGate.H, new double[0], 1)));
        List<GateOp> ops = List.of(
                GateOp.of(new ModifiedGate(StandardGate.H, new GateModifier.Control(1, false)), new double[0], 3, 1),
                GateOp.of(new ModifiedGate(StandardGate.X, new GateModifier.Control(2, true)), new double[0], 0, 4, 2),
                GateOp.of(new ModifiedGate(StandardGate.T, new GateModifier.Inverse()), new double[0], 2),
                GateOp.of(new ModifiedGate(StandardGate.SX, new GateModifier.Power(3)), new double[0], 2),
                GateOp.of(mine, new double[] {0.7}, 4, 0),
                GateOp.of(new ModifiedGate(mine, new GateModifier.Control(2, false)), new double[] {1.1}, 1, 2, 4, 0),
                GateOp.of(new ModifiedGate(mine, new GateModifier.Inverse()), new double[] {-0.3}, 3, 2),
                GateOp.of(StandardGate.GPHASE, new double[] {0.4}));
        for (GateOp op : ops) {
            checkAgainstMatrix(op, 5, rnd);
        }
    }

    private void checkAgainstMatrix(GateOp op, int n, SplittableRandom rnd) {
        // prepare a random product-ish state with U gates, then apply the gate; compare final statevectors
        CircuitBuilder b = Circuit.builder(n);
        for (int q = 0; q < n; q++) {
            b.u(rnd.nextDouble(0, 3), rnd.nextDouble(0, 3), rnd.nextDouble(0, 3), q);
        }
        for (int q = 0; q + 1 < n; q++) {
            b.cx(q, q + 1);
        }
        Circuit prep = b.build();
        Circuit full = Circuit.builder(n).build().withInstructions(append(prep, op));
        double[] re0 = sim.run(prep, SimulationOptions.shots(1).withStatevector(true)).statevector().orElseThrow().re();
        double[] im0 = sim.run(prep, SimulationOptions.shots(1).withStatevector(true)).statevector().orElseThrow().im();
        double[][] expected = Reference.apply(
                new Gate(new int[0], op.qubits().stream().mapToInt(Integer::intValue).toArray(),
                        CircuitTranslator.convert(op.matrix())), re0, im0);
        var got = sim.run(full, SimulationOptions.shots(1).withStatevector(true)).statevector().orElseThrow();
        KernelPropertyTest.assertClose(got.re(), got.im(), expected, op.toString());
    }

    private static List<io.qexec.circuit.Instruction> append(Circuit c, GateOp op) {
        List<io.qexec.circuit.Instruction> all = new ArrayList<>(c.instructions());
        all.add(op);
        return all;
    }

    @Test
    void swapsRenamedByFusionStillGiveTheLogicalStatevector() {
        int n = 6;
        CircuitBuilder b = Circuit.builder(n).x(0).x(2);
        for (int j = n - 1; j >= 0; j--) {
            b.h(j);
            for (int k = 0; k < j; k++) {
                b.cp(Math.PI / (1 << (j - k)), k, j);
            }
        }
        for (int i = 0; i < n / 2; i++) {
            b.swap(i, n - 1 - i);
        }
        b.rzz(0.3, 0, 5).ry(0.2, 5);
        Circuit c = b.build();
        var fused = sim.run(c, SimulationOptions.shots(1).withStatevector(true)).statevector().orElseThrow();
        var plain = new StatevectorSimulator(FusionOptions.NONE, 0).run(c,
                SimulationOptions.shots(1).withStatevector(true)).statevector().orElseThrow();
        KernelPropertyTest.assertClose(fused.re(), fused.im(), new double[][] {plain.re(), plain.im()}, "qft");
    }

    @Test
    void sameSeedSameResultsAndMemoryMatchesCounts() {
        Circuit c = Circuit.builder(3, 3).h(0).ry(0.9, 1).cx(1, 2).measureAll().build();
        SimulationOptions o = shots(500).withMemory(true);
        SimulationResult a = sim.run(c, o);
        SimulationResult b = sim.run(c, o);
        assertThat(a.counts()).isEqualTo(b.counts());
        assertThat(a.memory()).isEqualTo(b.memory()).hasSize(500);
        for (var e : a.counts().entrySet()) {
            assertThat(a.memory().stream().filter(e.getKey()::equals).count()).isEqualTo(e.getValue());
        }
        assertThat(sim.run(c, SimulationOptions.shots(500).withSeed(99)).counts()).isNotEqualTo(a.counts());
    }

    @Test
    void midCircuitMeasurementAndConditionalCorrection() {
        // measure a superposition, flip it back when it read 1: c1 is always 0, c0 is 50/50
        Circuit c = Circuit.builder(1, 2).h(0).measure(0, 0)
                .ifThen(Condition.bit(0, true), t -> t.x(0))
                .measure(0, 1).build();
        SimulationResult r = sim.run(c, shots(2000));
        assertThat(r.counts().keySet()).containsExactlyInAnyOrder("00", "01");
        assertThat(r.counts().get("01")).isBetween(1000 - 5 * 23L, 1000 + 5 * 23L);
        assertThat(r.probabilities()).isEmpty();
    }

    @Test
    void teleportationDeliversTheState() {
        // teleport ry(theta)|0>; Bob's bit reads 1 with probability sin^2(theta/2)
        double theta = 1.2;
        Circuit c = Circuit.builder(3).classicalRegister("m", 2).classicalRegister("out", 1)
                .ry(theta, 0).h(1).cx(1, 2).cx(0, 1).h(0).measure(0, 0).measure(1, 1)
                .ifThen(Condition.bit(1, true), t -> t.x(2))
                .ifThen(Condition.bit(0, true), t -> t.z(2))
                .measure(2, 2).build();
        int shots = 4000;
        SimulationResult r = sim.run(c, shots(shots));
        long ones = r.counts().entrySet().stream().filter(e -> e.getKey().startsWith("1")).mapToLong(Map.Entry::getValue)
                .sum();
        double p = Math.pow(Math.sin(theta / 2), 2);
        double sigma = Math.sqrt(shots * p * (1 - p));
        assertThat((double) ones).isCloseTo(shots * p, within(5 * sigma));
    }

    @Test
    void resetAndRepeatUntilSuccess() {
        // reset after use always gives 0
        Circuit reset = Circuit.builder(1, 2).h(0).measure(0, 0).reset(0).measure(0, 1).build();
        assertThat(sim.run(reset, shots(200)).counts().keySet()).allMatch(k -> k.charAt(0) == '0');
        // while (c0 == 0) { h; measure } ends with c0 = 1 in every shot
        Circuit rus = Circuit.builder(1, 1).h(0).measure(0, 0)
                .whileLoop(Condition.bit(0, false), body -> body.reset(0).h(0).measure(0, 0))
                .build();
        assertThat(sim.run(rus, shots(200)).counts()).isEqualTo(Map.of("1", 200L));
    }

    @Property(tries = 15, seed = "41")
    void sampledAndTrajectoryPathsAgreeWithTheExactDistribution(@ForAll long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 4;
        CircuitBuilder b = Circuit.builder(n, n);
        for (int layer = 0; layer < 4; layer++) {
            for (int q = 0; q < n; q++) {
                b.u(rnd.nextDouble(0, 3), rnd.nextDouble(0, 3), rnd.nextDouble(0, 3), q);
            }
            b.cx(layer % n, (layer + 1) % n);
        }
        b.measureAll();
        Circuit terminal = b.build();
        // the same circuit made dynamic by a trailing no-op conditional
        Circuit dynamic = Circuit.builder(n, n).build().withInstructions(new ArrayList<>(terminal.instructions()) {
            {
                add(new io.qexec.circuit.IfElse(Condition.bit(0, true), List.of(), List.of()));
            }
        });
        assertThat(dynamic.isDynamic()).isTrue();
        int shots = 3000;
        SimulationResult exact = sim.run(terminal, shots(shots));
        SimulationResult traj = sim.run(dynamic, SimulationOptions.shots(shots).withSeed(seed));
        for (var e : exact.probabilities().entrySet()) {
            double p = e.getValue();
            double sigma = Math.sqrt(shots * p * (1 - p));
            assertThat((double) exact.counts().getOrDefault(e.getKey(), 0L)).isCloseTo(shots * p, within(5 * sigma + 1e-9));
            assertThat((double) traj.counts().getOrDefault(e.getKey(), 0L)).isCloseTo(shots * p, within(5 * sigma + 1e-9));
        }
        assertThat(exact.probabilities().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1, within(1e-12));
    }

    @Test
    void refusesWhatDoesNotFitAndWhatCannotBeSimulated() {
        Circuit big = Circuit.builder(31, 1).h(0).measure(0, 0).build();
        assertThatThrownBy(() -> sim.run(big, shots(1)))
                .isInstanceOf(InsufficientMemoryException.class)
                .hasMessageContaining("31 qubits needs 32 GiB");
        Circuit opaque = Circuit.builder(1).gate(DefinedGate.opaque("magic", 0, 1), new double[0], 0).build();
        assertThatThrownBy(() -> sim.run(opaque, shots(1))).isInstanceOf(SimulationException.class)
                .hasMessageContaining("opaque gate magic");
        Circuit symbolic = Circuit.builder(1).rz(Expr.symbol("t"), 0).build();
        assertThatThrownBy(() -> sim.run(symbolic, shots(1))).isInstanceOf(SimulationException.class)
                .hasMessageContaining("bind");
    }

    @Test
    void unmeasuredCircuitsStillReturnTheirState() {
        Circuit c = Circuit.builder(2).h(0).cx(0, 1).build();
        SimulationResult r = sim.run(c, SimulationOptions.shots(3).withStatevector(true));
        assertThat(r.counts()).isEmpty();
        assertThat(r.statevector().orElseThrow().probability(3)).isCloseTo(0.5, within(1e-12));
    }
}
