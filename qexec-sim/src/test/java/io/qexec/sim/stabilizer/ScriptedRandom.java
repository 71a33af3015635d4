package io.qexec.sim.stabilizer;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A "random" generator whose coin flips follow a script, then read false; it records every flip it gave.
 * Used to walk every branch of a run exactly.
 */
final class ScriptedRandom implements RandomGenerator {
    private final List<Boolean> script;
    final List<Boolean> used = new ArrayList<>();

    ScriptedRandom(List<Boolean> script) {
        this.script = script;
    }

    @Override
    public boolean nextBoolean() {
        boolean b = used.size() < script.size() ? script.get(used.size()) : false;
        used.add(b);
        return b;
    }

    @Override
    public long nextLong() {
        throw new UnsupportedOperationException("only coin flips are scripted");
    }
}
