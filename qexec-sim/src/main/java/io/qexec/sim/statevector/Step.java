package io.qexec.sim.statevector;

import io.qexec.circuit.Condition;
import java.util.List;

/** One step of a compiled circuit: a fused unitary segment, or a dynamic operation run per shot. */
sealed interface Step {

    /**
     * Kernels for a run of gates, and the qubit layout once they have run (swaps renamed inside
     * the segment change it).
     */
    record Unitary(List<Kernel> kernels, int[] layoutAfter) implements Step {
    }

    /** Projective measurement of a logical qubit into a classical bit. */
    record Measure(int qubit, int clbit) implements Step {
    }

    /** Reset of a logical qubit to |0>. */
    record Reset(int qubit) implements Step {
    }

    /** Runs one of two step lists depending on the classical bits. */
    record If(Condition condition, List<Step> then, List<Step> otherwise) implements Step {
    }

    /** Repeats a step list while the condition holds. */
    record While(Condition condition, List<Step> body) implements Step {
    }
}
