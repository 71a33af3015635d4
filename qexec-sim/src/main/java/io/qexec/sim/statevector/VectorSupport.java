package io.qexec.sim.statevector;

import java.util.function.UnaryOperator;

/**
 * The optional Vector API fast path. It is used only when the JVM runs with
 * {@code --add-modules jdk.incubator.vector} and the caller asks for it (system property
 * {@code qexec.sim.vector=true} for {@link StatevectorSimulator}); otherwise no class of the path
 * is ever loaded and the scalar kernels, which are the reference, run.
 */
final class VectorSupport {
    /** Whether the incubating Vector API module is in the boot layer. */
    static final boolean AVAILABLE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    /** Whether the simulator uses the path by default: available and asked for. */
    static final boolean ENABLED = AVAILABLE && Boolean.getBoolean("qexec.sim.vector");

    private static final UnaryOperator<Kernel> UPGRADE = AVAILABLE ? load() : k -> k;

    /** Qubits inside one vector of amplitudes (dense blocks there have a vector kernel), or 0 without the path. */
    static final int LOW_QUBITS = UPGRADE instanceof java.util.function.IntSupplier s ? s.getAsInt() : 0;

    private VectorSupport() {
    }

    /** The Vector API form of a kernel where one exists (and the module is present); otherwise the kernel. */
    static Kernel upgrade(Kernel k) {
        return k == null ? null : UPGRADE.apply(k);
    }

    /**
     * As {@link #upgrade(Kernel)} for a state of {@code n} qubits: a vector form that needs more qubits than
     * the state has (a whole vector of amplitudes) is not used.
     */
    static Kernel upgrade(Kernel k, int n) {
        Kernel v = upgrade(k);
        return v != null && (v.fixedMask() >>> n) != 0 ? k : v;
    }

    @SuppressWarnings("unchecked")
    private static UnaryOperator<Kernel> load() {
        try {
            // looked up by name so that nothing links against the incubator module unless it is present
            return (UnaryOperator<Kernel>) Class.forName(VectorSupport.class.getPackageName() + ".VectorKernels")
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return k -> k;
        }
    }
}
