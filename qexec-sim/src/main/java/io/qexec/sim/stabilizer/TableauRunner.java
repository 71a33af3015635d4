package io.qexec.sim.stabilizer;

import io.qexec.sim.SimulationException;
import java.util.BitSet;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Runs a program once on a tableau: one shot. Optionally records every measurement outcome and every
 * branch decision in program order, which is what the frame sampler needs from its reference run.
 */
final class TableauRunner {
    /** The most iterations one execution of a while loop may take before the run is abandoned. */
    static final int MAX_LOOP_ITERATIONS = 100_000;

    private final Tableau tableau;
    private final boolean[] clbits;
    private final RandomGenerator rng;
    private final BitSet measurements = new BitSet();
    private final BitSet branches = new BitSet();
    private int measurementCount;
    private int branchCount;

    TableauRunner(int numQubits, int numClbits, RandomGenerator rng) {
        this(new Tableau(numQubits), numClbits, rng);
    }

    /** A runner that continues from {@code start} (which it then owns), with all classical bits 0. */
    TableauRunner(Tableau start, int numClbits, RandomGenerator rng) {
        this.tableau = start;
        this.clbits = new boolean[numClbits];
        this.rng = rng;
    }

    /**
     * Runs every shot on its own tableau. The leading gates (before the first measurement, reset or
     * control flow) are applied once and the resulting tableau is copied for each shot.
     */
    static ShotBits sampleEachShot(Program program, int shots, RandomGenerator rng) {
        List<Op> ops = program.ops();
        int prefix = 0;
        while (prefix < ops.size() && (ops.get(prefix) instanceof Op.Gate || ops.get(prefix) instanceof Op.Table)) {
            prefix++;
        }
        TableauRunner start = new TableauRunner(program.numQubits(), program.numClbits(), rng);
        start.run(ops.subList(0, prefix));
        List<Op> rest = ops.subList(prefix, ops.size());
        ShotBits out = new ShotBits(program.numClbits(), shots);
        for (int s = 0; s < shots; s++) {
            TableauRunner runner = new TableauRunner(start.tableau.copy(), program.numClbits(), rng);
            runner.run(rest);
            out.setShot(s, runner.clbits);
        }
        return out;
    }

    /** Runs the program from |0...0> with all classical bits 0 and returns the final classical bits. */
    static boolean[] runShot(Program program, RandomGenerator rng) {
        TableauRunner runner = new TableauRunner(program.numQubits(), program.numClbits(), rng);
        runner.run(program.ops());
        return runner.clbits;
    }

    /** Runs a block of operations. */
    void run(List<Op> block) {
        for (Op op : block) {
            switch (op) {
                case Op.Gate g -> apply(tableau, g);
                case Op.Table t -> tableau.apply(t.table(), t.qubits());
                case Op.Measure m -> {
                    boolean outcome = tableau.measure(m.qubit(), rng);
                    clbits[m.clbit()] = outcome;
                    measurements.set(measurementCount++, outcome);
                }
                case Op.Reset r -> tableau.reset(r.qubit(), rng);
                case Op.If branch -> {
                    boolean taken = branch.condition().test(clbits);
                    branches.set(branchCount++, taken);
                    run(taken ? branch.then() : branch.otherwise());
                }
                case Op.While loop -> {
                    int iterations = 0;
                    while (loop.condition().test(clbits)) {
                        if (++iterations > MAX_LOOP_ITERATIONS) {
                            throw new SimulationException("a while loop ran more than " + MAX_LOOP_ITERATIONS
                                    + " iterations in one shot; the stabilizer simulator stopped it");
                        }
                        run(loop.body());
                    }
                }
            }
        }
    }

    /** Applies a dedicated-rule gate to a tableau. */
    static void apply(Tableau t, Op.Gate g) {
        t.apply(g.kind(), g.a(), g.b());
    }

    /** Measurement outcome number {@code index}, in program order. */
    boolean measurement(int index) {
        return measurements.get(index);
    }

    /** Branch decision number {@code index} (true: the then block ran), in program order. */
    boolean branch(int index) {
        return branches.get(index);
    }
}
