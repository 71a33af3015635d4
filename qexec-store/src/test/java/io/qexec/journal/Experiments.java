package io.qexec.journal;

import io.qexec.circuit.Circuit;
import io.qexec.dispatch.Dispatch;
import io.qexec.dispatch.Job;
import java.util.Map;

/** Dispatches for the journal tests: jobs with fixed ids and seeds on the folder providers. */
final class Experiments {
    private Experiments() {
    }

    static Circuit bell() {
        return Circuit.builder(2, 2).name("bell").h(0).cx(0, 1).measure(0, 0).measure(1, 1).build();
    }

    /**
     * {@code remote} jobs on {@code emu/qpu} running {@code baseMs + i * stepMs} each, then {@code local} jobs on
     * {@code local/qpu} running {@code localMs} each; job i has seed {@code 1000 + i}.
     */
    static Dispatch mixed(int remote, long baseMs, long stepMs, int local, long localMs) {
        Dispatch.Builder b = Dispatch.builder();
        for (int i = 0; i < remote; i++) {
            b.add("emu", "qpu", new Job("r" + i, 0, bell(), 100 + i, Map.of("seed", 1000 + i, "durationMs", baseMs + i * stepMs)));
        }
        for (int i = 0; i < local; i++) {
            b.add("local", "qpu", new Job("l" + i, 0, bell(), 50 + i, Map.of("seed", 2000 + i, "durationMs", localMs)));
        }
        return b.build();
    }
}
