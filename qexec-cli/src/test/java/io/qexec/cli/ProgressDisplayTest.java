package io.qexec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qexec.result.JobResult;
import io.qexec.result.JobState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The live progress line. */
class ProgressDisplayTest {

    private static JobResult job(String backend, boolean done) {
        JobResult r = JobResult.pending(0, "c", backend + Math.random(), "local", backend, 10);
        return done ? r.completed(new TreeMap<>(Map.of("0", 10L)), List.of(), Map.of()) : r.withState(JobState.RUNNING);
    }

    @Test
    void showsJobsDonePerBackendElapsedAndRemaining() {
        List<JobResult> jobs = List.of(job("statevector", true), job("statevector", true), job("fake_aria", true),
                job("fake_aria", false));
        assertThat(ProgressDisplay.line(jobs, 3.0))
                .isEqualTo("3/4 jobs  3.0s, ~1.0s left  | local/statevector 2/2 | local/fake_aria 1/2");
    }

    @Test
    void staysWithin80ColumnsWithManyBackends() {
        List<JobResult> jobs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            jobs.add(job("backend_number_" + i, i % 2 == 0));
        }
        String line = ProgressDisplay.line(jobs, 12.5);
        assertThat(line.length()).isLessThan(80);
        assertThat(line).startsWith("15/30 jobs  12.5s, ~12.5s left").endsWith("...");
    }
}
