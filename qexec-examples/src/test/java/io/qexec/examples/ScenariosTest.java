package io.qexec.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.qexec.executor.QuantumExecutor;
import io.qexec.provider.VirtualProvider;
import io.qexec.provider.local.LocalProvider;
import io.qexec.result.JobResult;
import io.qexec.result.JobState;
import io.qexec.result.ResultCollector;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The paper's two scenarios, run through the example programs with the real embedded engines. */
class ScenariosTest {
    private final QuantumExecutor qe = QuantumExecutor.builder().virtualProvider(VirtualProvider.of(LocalProvider.create())).build();

    @AfterEach
    void close() {
        qe.close();
    }

    @Test
    void scenario1EveryOnlineBackendRunsEveryCircuitWithAllShots() {
        int shots = 500;
        Map<String, List<String>> targets = AllBackendsBenchmark.localBackends(qe);
        assertThat(targets.get("local")).contains("statevector", "density_matrix", "stabilizer", "trajectories", "auto",
                "fake_aria", "fake_forte", "fake_h1");
        ResultCollector run = AllBackendsBenchmark.run(qe, shots);
        assertThat(run.isComplete()).isTrue();
        int backends = targets.get("local").size();
        assertThat(run.jobs()).hasSize(backends * 2);
        assertThat(run.jobs()).allSatisfy(r -> {
            assertThat(r.state()).as(r.backend() + " " + r.error()).isEqualTo(JobState.COMPLETED);
            assertThat(r.totalCounts()).isEqualTo(shots);
        });
        run.results().get("local").forEach((backend, jobs) ->
                assertThat(jobs).extracting(JobResult::circuitName).containsExactly("bell", "ghz3"));
        @SuppressWarnings("unchecked")
        Map<Integer, Map<String, Long>> merged = run.merged().orElseThrow().value(Map.class);
        assertThat(merged.get(0).values().stream().mapToLong(Long::longValue).sum()).isEqualTo((long) shots * backends);
        JobResult ideal = run.results().get("local").get("statevector").get(0);
        assertThat(ideal.counts()).containsOnlyKeys("00", "11");
    }

    @Test
    void scenario2IdealIsWithinShotNoiseAndNoisyModelsAreClearlyAbove() {
        int shots = 4000;
        ResultCollector run = NoisyDeviceValidation.run(qe, shots);
        @SuppressWarnings("unchecked")
        Map<String, Double> tvd = run.merged().orElseThrow().value(Map.class);
        // shot noise of a fair two-outcome distribution: |p - 1/2| has standard deviation 1/(2 sqrt(shots)) ~ 0.008
        double shotNoise = 4 * 0.5 / Math.sqrt(shots);
        assertThat(tvd.get("local/statevector")).isLessThan(shotNoise);
        for (String device : NoisyDeviceValidation.DEVICES) {
            assertThat(tvd.get("local/" + device)).as(device).isGreaterThan(2 * shotNoise);
        }
    }
}
