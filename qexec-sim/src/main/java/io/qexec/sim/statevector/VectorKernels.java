package io.qexec.sim.statevector;

import java.util.function.UnaryOperator;

/** Maps scalar kernels to their Vector API forms; loaded only through {@link VectorSupport}. */
final class VectorKernels implements UnaryOperator<Kernel> {

    @Override
    public Kernel apply(Kernel k) {
        return switch (k) {
            case Dense1Kernel d -> new VectorDense1Kernel(d, d.controls(), d.target(), d.matrix());
            case Dense2Kernel d -> new VectorDense2Kernel(d, d.controls(), d.targets(), d.matrix());
            case Dense3Kernel d -> new VectorDense3Kernel(d, d.controls(), d.targets(), d.matrix());
            case SplitDiagonalKernel d -> new VectorSplitDiagonalKernel(d);
            case Dense1DiagonalKernel d -> new VectorDense1DiagonalKernel(d);
            default -> k;
        };
    }
}
