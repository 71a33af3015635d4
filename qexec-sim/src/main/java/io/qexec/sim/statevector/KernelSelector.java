package io.qexec.sim.statevector;

/** Chooses the cheapest kernel that applies a gate exactly. */
final class KernelSelector {
    private static final int[] X_IMAGE = {1, 0};
    private static final int[] SWAP_IMAGE = {0, 2, 1, 3};

    private KernelSelector() {
    }

    /** The kernel for {@code gate}, or {@code null} when the gate is the identity. */
    static Kernel select(Gate gate) {
        Gate g = gate.normalized();
        if (g.isDiagonal()) {
            return DiagonalTable.of(g).toKernel();
        }
        int controls = g.controlMask();
        int[] t = g.targets();
        ComplexMatrix m = g.matrix();
        return switch (t.length) {
            case 1 -> m.isPermutation(X_IMAGE) ? new PermuteXKernel(controls, t[0]) : new Dense1Kernel(controls, t[0], m);
            case 2 -> m.isPermutation(SWAP_IMAGE)
                    ? new SwapKernel(controls, t[0], t[1])
                    : new Dense2Kernel(controls, t[0], t[1], m);
            case 3 -> new Dense3Kernel(controls, t, m);
            default -> new DenseKernel(controls, t, m);
        };
    }

    static boolean isSwap(Gate g) {
        return g.controls().length == 0 && g.targets().length == 2 && g.matrix().isPermutation(SWAP_IMAGE);
    }
}
