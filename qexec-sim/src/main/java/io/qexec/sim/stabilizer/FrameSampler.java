package io.qexec.sim.stabilizer;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Draws all shots of a program from one tableau run: the reference run fixes one valid outcome of every
 * measurement, then batches of Pauli frames (64 shots per word) carry each shot's difference from it.
 * Classically controlled Pauli gates are handled exactly: a shot whose branch differs from the
 * reference's gets the product of the two branches' Paulis multiplied into its frame.
 *
 * <p>Requires {@link Program#frameSampleable()}.
 */
final class FrameSampler {
    /** Aim for frames of about this many words (x and z together), to stay in cache. */
    private static final int TARGET_FRAME_WORDS = 1 << 17;

    private FrameSampler() {
    }

    static ShotBits sample(Program program, int shots, RandomGenerator rng) {
        if (!program.frameSampleable()) {
            throw new IllegalArgumentException("the program needs per-shot simulation");
        }
        TableauRunner reference = new TableauRunner(program.numQubits(), program.numClbits(), rng);
        reference.run(program.ops());

        int n = program.numQubits();
        int nc = program.numClbits();
        ShotBits out = new ShotBits(nc, shots);
        int totalWords = (shots + 63) >>> 6;
        int batchWords = Math.max(1, Math.min(totalWords, TARGET_FRAME_WORDS / Math.max(1, 2 * n)));
        for (int first = 0; first < totalWords; first += batchWords) {
            int words = Math.min(batchWords, totalWords - first);
            long[] values = new long[nc * words];
            PauliFrames frames = new PauliFrames(n, words);
            frames.randomizeAllZ(rng);
            propagate(program.ops(), reference, frames, values, rng);
            for (int c = 0; c < nc; c++) {
                out.setWords(c, first, values, c * words, words);
            }
        }
        return out;
    }

    private static void propagate(List<Op> ops, TableauRunner reference, PauliFrames frames, long[] values,
                                  RandomGenerator rng) {
        int words = frames.words();
        int measurement = 0;
        int branch = 0;
        long[] mask = new long[words];
        for (Op op : ops) {
            switch (op) {
                case Op.Gate g -> apply(frames, g);
                case Op.Table t -> frames.apply(t.table(), t.qubits());
                case Op.Measure m -> frames.measure(m.qubit(), reference.measurement(measurement++), values,
                        m.clbit() * words, rng);
                case Op.Reset r -> frames.reset(r.qubit(), rng);
                case Op.If b -> {
                    ConditionMask.evaluate(b.condition(), values, words, mask);
                    long referenceTaken = reference.branch(branch++) ? -1L : 0L;
                    for (int w = 0; w < words; w++) {
                        mask[w] ^= referenceTaken;
                    }
                    // shots set in mask ran the other branch: their frame gains P_then · P_else
                    xorPaulis(b.then(), frames, mask);
                    xorPaulis(b.otherwise(), frames, mask);
                }
                case Op.While loop -> throw new IllegalStateException("loops need per-shot simulation");
            }
        }
    }

    private static void xorPaulis(List<Op> block, PauliFrames frames, long[] mask) {
        for (Op op : block) {
            Op.Gate g = (Op.Gate) op;
            switch (g.kind()) {
                case X -> frames.xorX(g.a(), mask);
                case Z -> frames.xorZ(g.a(), mask);
                case Y -> {
                    frames.xorX(g.a(), mask);
                    frames.xorZ(g.a(), mask);
                }
                default -> throw new IllegalStateException("not a Pauli: " + g);
            }
        }
    }

    private static void apply(PauliFrames f, Op.Gate g) {
        switch (g.kind()) {
            case X, Y, Z -> {
                // a Pauli changes only signs, which frames do not track
            }
            case H -> f.h(g.a());
            case S, SDG -> f.s(g.a());
            case SX, SXDG -> f.sx(g.a());
            case CX -> f.cx(g.a(), g.b());
            case CY -> f.cy(g.a(), g.b());
            case CZ -> f.cz(g.a(), g.b());
            case SWAP -> f.swap(g.a(), g.b());
            case ISWAP -> f.iswap(g.a(), g.b());
        }
    }
}
