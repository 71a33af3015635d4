package io.qexec.sim.statevector;

import java.util.function.UnaryOperator;

/**
 * Maps scalar kernels to their Vector API forms; loaded only through {@link VectorSupport}. Dense 4x4
 * and 8x8 kernels keep their scalar form: written with the Vector API they were far slower here (C2 did
 * not keep their many vectors unboxed).
 */
final class VectorKernels implements UnaryOperator<Kernel>, java.util.function.IntSupplier {

    @Override
    public Kernel apply(Kernel k) {
        return switch (k) {
            case Dense1Kernel d when VectorDenseLowKernel.fits(1 << d.target()) ->
                    new VectorDenseLowKernel(d.controls(), new int[] {d.target()}, d.matrix());
            case Dense2Kernel d when VectorDenseLowKernel.fits(maskOf(d.targets())) ->
                    new VectorDenseLowKernel(d.controls(), d.targets(), d.matrix());
            case Dense3Kernel d when VectorDenseLowKernel.fits(maskOf(d.targets())) ->
                    new VectorDenseLowKernel(d.controls(), d.targets(), d.matrix());
            case Dense3Kernel d when VectorDense3Kernel.fits(d) -> new VectorDense3Kernel(d);
            case Dense1Kernel d -> new VectorDense1Kernel(d, d.controls(), d.target(), d.matrix());
            case SplitDiagonalKernel d -> new VectorSplitDiagonalKernel(d);
            case Dense1DiagonalKernel d -> new VectorDense1DiagonalKernel(d);
            default -> k;
        };
    }

    /** Qubits inside one vector of amplitudes, where {@link VectorDenseLowKernel} runs dense blocks. */
    @Override
    public int getAsInt() {
        return VectorDenseLowKernel.LOW_QUBITS;
    }

    private static int maskOf(int[] qubits) {
        int m = 0;
        for (int q : qubits) {
            m |= 1 << q;
        }
        return m;
    }
}
