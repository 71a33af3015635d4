package io.qexec.sim.statevector;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a list of gates into a shorter list of kernels: swaps become qubit renaming, runs of
 * diagonal gates become one diagonal table, then neighbouring gates on at most
 * {@code maxFusedQubits} qubits become one dense block. Each result is applied by the cheapest
 * kernel for its matrix (a block that happens to be a permutation or diagonal keeps that form).
 */
final class Fuser {
    private static final int LOOK_BACK = 64;

    private final FusionOptions options;
    private final boolean vector;
    private final FusionCost cost;

    Fuser(FusionOptions options) {
        this(options, false);
    }

    /** A fuser whose kernels use the Vector API forms where they exist ({@link VectorSupport}). */
    Fuser(FusionOptions options, boolean vector) {
        this.options = options;
        this.vector = vector;
        this.cost = vector ? FusionCost.VECTOR : FusionCost.SCALAR;
    }

    /**
     * Compiles {@code gates} (on logical qubits) into kernels on physical qubits. {@code layout}
     * maps logical to physical qubits; it is read and updated in place when swaps are renamed.
     */
    List<Kernel> compile(List<Gate> gates, int[] layout) {
        List<Gate> physical = new ArrayList<>(gates.size());
        for (Gate g : options.relabelSwaps() ? swapsSpelledAsCx(gates) : gates) {
            Gate n = mapped(g, layout).normalized();
            if (options.relabelSwaps() && KernelSelector.isSwap(n)) {
                int a = indexOf(layout, n.targets()[0]);
                int b = indexOf(layout, n.targets()[1]);
                int t = layout[a];
                layout[a] = layout[b];
                layout[b] = t;
                continue;
            }
            physical.add(n);
        }
        List<Object> items = options.maxDiagonalQubits() > 0 ? groupDiagonals(physical) : new ArrayList<>(physical);
        List<Object> blocks = options.maxFusedQubits() > 1 ? fuseBlocks(items) : items;
        List<Kernel> scalar = new ArrayList<>(blocks.size());
        for (Object o : blocks) {
            Kernel k = switch (o) {
                case Gate g -> KernelSelector.select(g);
                case DiagonalTable t -> t.toKernel();
                case Kernel ready -> ready;
                default -> throw new IllegalStateException("unexpected fusion item " + o);
            };
            if (k != null) {
                scalar.add(k);
            }
        }
        if (options.maxDiagonalQubits() > 0) {
            scalar = mergeDiagonals(scalar);
        }
        List<Kernel> kernels = new ArrayList<>(scalar.size());
        for (int i = 0; i < scalar.size(); i++) {
            Kernel k = scalar.get(i);
            // a 2x2 followed by a diagonal controlled by its target (a QFT layer) runs as one pass
            if (options.maxFusedQubits() > 1 && i + 1 < scalar.size()) {
                SplitDiagonalKernel next = DiagonalMerge.asSplit(scalar.get(i + 1));
                if (next != null && Dense1DiagonalKernel.fits(k, next)) {
                    k = new Dense1DiagonalKernel((Dense1Kernel) k, next);
                    i++;
                }
            }
            kernels.add(vector ? VectorSupport.upgrade(k, layout.length) : k);
        }
        return kernels;
    }

    /** Neighbouring diagonal kernels with the same controls become one pass ({@link DiagonalMerge}). */
    private static List<Kernel> mergeDiagonals(List<Kernel> kernels) {
        List<Kernel> out = new ArrayList<>(kernels.size());
        for (Kernel k : kernels) {
            Kernel merged = out.isEmpty() ? null : DiagonalMerge.merge(out.get(out.size() - 1), k);
            if (merged != null) {
                out.set(out.size() - 1, merged);
            } else {
                out.add(k);
            }
        }
        return out;
    }

    /**
     * {@code gates} with each run {@code cx a,b; cx b,a; cx a,b} replaced by {@code swap a,b}, the way circuits
     * written with the 2017 {@code qelib1} gates spell a swap, so that it is renamed instead of run.
     */
    static List<Gate> swapsSpelledAsCx(List<Gate> gates) {
        List<Gate> out = null;
        for (int i = 0; i < gates.size(); i++) {
            Gate first = i + 2 < gates.size() ? cx(gates.get(i)) : null;
            Gate second = first == null ? null : cx(gates.get(i + 1));
            Gate third = second == null ? null : cx(gates.get(i + 2));
            if (third != null) {
                int a = first.controls()[0];
                int b = first.targets()[0];
                if (second.controls()[0] == b && second.targets()[0] == a && third.controls()[0] == a
                        && third.targets()[0] == b) {
                    if (out == null) {
                        out = new ArrayList<>(gates.subList(0, i));
                    }
                    out.add(Gate.of(Matrices.swap(), a, b));
                    i += 2;
                    continue;
                }
            }
            if (out != null) {
                out.add(gates.get(i));
            }
        }
        return out == null ? gates : out;
    }

    /** {@code g} in its controlled form when it is a cx (whatever form it came in), else null. */
    private static Gate cx(Gate g) {
        if (g.width() != 2) {
            return null;
        }
        Gate n = g.normalized();
        return n.controls().length == 1 && n.targets().length == 1 && n.matrix().isPermutation(X_IMAGE) ? n : null;
    }

    private static Gate mapped(Gate g, int[] layout) {
        int[] c = new int[g.controls().length];
        for (int i = 0; i < c.length; i++) {
            c[i] = layout[g.controls()[i]];
        }
        int[] t = new int[g.targets().length];
        for (int i = 0; i < t.length; i++) {
            t[i] = layout[g.targets()[i]];
        }
        return new Gate(c, t, g.matrix());
    }

    /** Merges each diagonal gate into an earlier diagonal table it can commute back to. */
    private List<Object> groupDiagonals(List<Gate> gates) {
        List<Object> out = new ArrayList<>(gates.size());
        for (Gate g : gates) {
            if (!g.isDiagonal()) {
                out.add(g);
                continue;
            }
            int gmask = g.qubitMask();
            boolean merged = false;
            for (int j = out.size() - 1; j >= Math.max(0, out.size() - LOOK_BACK); j--) {
                Object item = out.get(j);
                if (item instanceof DiagonalTable table) {
                    if (Integer.bitCount(table.mask() | gmask) <= options.maxDiagonalQubits()) {
                        int[] space = DiagonalTable.union(table.qubits, g.qubits());
                        out.set(j, table.expandTo(space).times(DiagonalTable.expand(g, space)));
                        merged = true;
                        break;
                    }
                } else if ((targetMask((Gate) item) & gmask) != 0) {
                    break;
                }
            }
            if (!merged) {
                out.add(DiagonalTable.of(g));
            }
        }
        return out;
    }

    private static int targetMask(Gate g) {
        int m = 0;
        for (int q : g.targets()) {
            m |= 1 << q;
        }
        return m;
    }

    private static int maskOf(Object item) {
        return item instanceof Gate g ? g.qubitMask() : ((DiagonalTable) item).mask();
    }

    /** A block under construction: its items in order and, once it has two, their product. */
    private static final class Block {
        int mask;
        final List<Object> items = new ArrayList<>();

        Block(Object first) {
            mask = maskOf(first);
            items.add(first);
        }
    }

    private List<Object> fuseBlocks(List<Object> items) {
        int k = options.maxFusedQubits();
        List<Object> out = new ArrayList<>(items.size());
        List<Block> open = new ArrayList<>();
        for (Object item : items) {
            int mask = maskOf(item);
            int union = mask;
            List<Block> touching = new ArrayList<>();
            for (Block b : open) {
                if ((b.mask & mask) != 0) {
                    touching.add(b);
                    union |= b.mask;
                }
            }
            if (Integer.bitCount(mask) > k) {
                emitAll(touching, out, k);
                open.removeAll(touching);
                out.add(item);
                continue;
            }
            if (Integer.bitCount(union) > k) {
                // keep the touching block that can still take the item and holds the most gates;
                // emit the others (they end before the item on the shared qubits, so order is kept)
                Block keep = null;
                for (Block b : touching) {
                    if (Integer.bitCount(b.mask | mask) <= k && (keep == null || b.items.size() > keep.items.size())) {
                        keep = b;
                    }
                }
                List<Block> done = new ArrayList<>(touching);
                done.remove(keep);
                emitAll(done, out, k);
                open.removeAll(done);
                if (keep == null) {
                    open.add(new Block(item));
                } else {
                    keep.items.add(item);
                    keep.mask |= mask;
                }
                continue;
            }
            Block target = touching.isEmpty() ? null : touching.get(0);
            if (target == null) {
                open.add(new Block(item));
                continue;
            }
            for (int i = 1; i < touching.size(); i++) {
                Block other = touching.get(i);
                target.items.addAll(other.items);
                target.mask |= other.mask;
                open.remove(other);
            }
            target.items.add(item);
            target.mask |= mask;
        }
        emitAll(open, out, k);
        return out;
    }

    /**
     * Emits open blocks that end at the same point. They act on disjoint qubits, so they commute:
     * blocks of plain X gates become one multi-qubit flip, and the others are packed together into
     * blocks of at most {@code k} qubits.
     */
    private void emitAll(List<Block> blocks, List<Object> out, int k) {
        int flip = 0;
        int flips = 0;
        List<Block> rest = new ArrayList<>();
        for (Block b : blocks) {
            int m = flipMask(b);
            if (m < 0) {
                rest.add(b);
            } else if (m != 0) {
                flip ^= m;
                flips++;
            }
        }
        if (flips == 1 && Integer.bitCount(flip) == 1) {
            out.add(new Gate(new int[0], new int[] {Integer.numberOfTrailingZeros(flip)}, Matrices.x()));
        } else if (flip != 0) {
            out.add(new FlipKernel(flip));
        }
        List<Block> packed = new ArrayList<>();
        for (Block b : rest) {
            Block into = null;
            for (Block p : packed) {
                if (Integer.bitCount(p.mask | b.mask) <= k) {
                    into = p;
                    break;
                }
            }
            if (into == null) {
                Block copy = new Block(b.items.get(0));
                copy.items.addAll(b.items.subList(1, b.items.size()));
                copy.mask = b.mask;
                packed.add(copy);
            } else {
                into.items.addAll(b.items);
                into.mask |= b.mask;
            }
        }
        for (Block p : packed) {
            emit(p, out);
        }
    }

    /** The qubits a block of only uncontrolled X gates flips (0 if they cancel), or -1 for any other block. */
    private static int flipMask(Block b) {
        int m = 0;
        for (Object o : b.items) {
            if (!(o instanceof Gate g) || g.controls().length != 0 || g.targets().length != 1
                    || !g.matrix().isPermutation(X_IMAGE)) {
                return -1;
            }
            m ^= 1 << g.targets()[0];
        }
        return m;
    }

    private static final int[] X_IMAGE = {1, 0};

    private void emit(Block b, List<Object> out) {
        if (b.items.size() == 1) {
            out.add(b.items.get(0));
            return;
        }
        int[] space = DiagonalTable.maskToQubits(b.mask);
        boolean allDiagonal = true;
        for (Object o : b.items) {
            allDiagonal &= o instanceof DiagonalTable || ((Gate) o).isDiagonal();
        }
        if (allDiagonal) {
            DiagonalTable acc = null;
            for (Object o : b.items) {
                DiagonalTable t = o instanceof DiagonalTable d ? d.expandTo(space) : DiagonalTable.expand((Gate) o, space);
                acc = acc == null ? t : acc.times(t);
            }
            out.add(acc);
            return;
        }
        ComplexMatrix acc = ComplexMatrix.identity(1 << space.length);
        for (Object o : b.items) {
            ComplexMatrix m;
            if (o instanceof Gate g) {
                m = g.fullMatrix().embed(g.fullQubits(), space);
            } else {
                DiagonalTable t = ((DiagonalTable) o).expandTo(space);
                m = ComplexMatrix.diagonal(t.re, t.im);
            }
            acc = m.times(acc);
        }
        Gate fused = new Gate(new int[0], space, acc);
        if (cost.apart(b.items) < cost.apart(List.of(fused))) {
            out.addAll(b.items); // cheaper as separate passes, which later pair up (h with its phases)
            return;
        }
        out.add(fused);
    }

    private static int indexOf(int[] layout, int physical) {
        for (int i = 0; i < layout.length; i++) {
            if (layout[i] == physical) {
                return i;
            }
        }
        throw new IllegalStateException("physical qubit " + physical + " has no logical qubit");
    }
}
