package io.qexec.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ResultsTest {
    private final JobResult bell = JobResult.pending(0, "bell", "j1", "local", "statevector", 100)
            .completed(new TreeMap<>(Map.of("00", 48L, "11", 52L)), List.of(), Map.of());

    @Test
    void derivedViews() {
        assertThat(bell.probabilities()).containsEntry("00", 0.48).containsEntry("11", 0.52);
        assertThat(bell.marginalCounts(0)).isEqualTo(Map.of("0", 48L, "1", 52L));
        assertThat(bell.expectationZ("ZZ")).isCloseTo(1.0, within(1e-12));
        assertThat(bell.expectationZ("IZ")).isCloseTo(-0.04, within(1e-12));
        JobResult x0 = JobResult.pending(0, "", "j", "p", "b", 10).completed(Map.of("01", 10L), List.of(), Map.of());
        assertThat(x0.marginalCounts(0)).isEqualTo(Map.of("1", 10L));
        assertThat(x0.marginalCounts(1)).isEqualTo(Map.of("0", 10L));
        assertThat(x0.marginalCounts(1, 0)).isEqualTo(Map.of("10", 10L));
        assertThat(x0.expectationZ("IZ")).isEqualTo(-1.0);
        JobResult regs = JobResult.pending(0, "", "j", "p", "b", 4).completed(Map.of("1 01", 4L), List.of(), Map.of());
        assertThat(regs.marginalCounts(2)).isEqualTo(Map.of("1", 4L));
        assertThat(regs.expectationZ("Z II")).isEqualTo(-1.0);
    }

    @Test
    void derivedViewsRejectBadInput() {
        assertThatThrownBy(() -> bell.expectationZ("ZX")).hasMessageContaining("only 'Z' and 'I'");
        assertThatThrownBy(() -> bell.expectationZ("Z")).hasMessageContaining("has 1 characters but the results have 2 bits");
        assertThatThrownBy(() -> bell.marginalCounts(5)).hasMessageContaining("classical bit 5 is out of range");
        assertThatThrownBy(() -> JobResult.pending(0, "", "j", "p", "b", 1).expectationZ("Z")).hasMessageContaining("has no counts");
    }

    @Test
    void failureIsAStateWithATypedError() {
        JobResult f = bell.failed(new JobError(JobError.Kind.EXECUTION_FAILED, "boom", "E1"));
        assertThat(f.state()).isEqualTo(JobState.FAILED);
        assertThat(f.isSuccess()).isFalse();
        assertThat(f.failure()).contains(new JobError(JobError.Kind.EXECUTION_FAILED, "boom", "E1"));
        assertThat(bell.failed(JobError.of(JobError.Kind.CANCELLED, "stop")).state()).isEqualTo(JobState.CANCELLED);
    }

    @Test
    void metrics() {
        Map<String, Long> p = Map.of("0", 50L, "1", 50L);
        Map<String, Double> q = Map.of("0", 1.0);
        assertThat(Metrics.totalVariationDistance(p, q)).isCloseTo(0.5, within(1e-12));
        assertThat(Metrics.hellingerFidelity(p, q)).isCloseTo(0.5, within(1e-12));
        assertThat(Metrics.hellingerDistance(p, q)).isCloseTo(Math.sqrt(1 - Math.sqrt(0.5)), within(1e-12));
        assertThat(Metrics.klDivergence(q, p)).isCloseTo(Math.log(2), within(1e-12));
        assertThat(Metrics.klDivergence(p, q)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThatThrownBy(() -> Metrics.totalVariationDistance(Map.of(), q)).hasMessageContaining("p is empty");
        assertThatThrownBy(() -> Metrics.totalVariationDistance(Map.of("0", -1), q)).hasMessageContaining("negative");
    }

    @Property(seed = "3", tries = 200)
    void metricsAreBoundedAndZeroOnIdenticalInputs(@ForAll @Size(min = 1, max = 6) List<@IntRange(min = 0, max = 1000) Integer> a,
                                                   @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 1, max = 1000) Integer> b) {
        Map<String, Integer> p = new TreeMap<>();
        Map<String, Integer> q = new TreeMap<>();
        for (int i = 0; i < a.size(); i++) {
            p.put(Integer.toBinaryString(i), a.get(i));
        }
        for (int i = 0; i < b.size(); i++) {
            q.put(Integer.toBinaryString(i), b.get(i));
        }
        if (p.values().stream().mapToInt(Integer::intValue).sum() == 0) {
            return;
        }
        double tvd = Metrics.totalVariationDistance(p, q);
        double h = Metrics.hellingerDistance(p, q);
        assertThat(tvd).isBetween(0.0, 1.0 + 1e-12);
        assertThat(h).isBetween(0.0, 1.0);
        assertThat(h * h).isLessThanOrEqualTo(tvd + 1e-9);
        assertThat(Metrics.totalVariationDistance(q, q)).isCloseTo(0, within(1e-12));
        assertThat(Metrics.klDivergence(q, q)).isCloseTo(0, within(1e-12));
    }

    @Test
    void resultsRoundTripThroughJson() {
        JobResult timed = bell.withProviderJobId("remote-7")
                .withTimings(new JobTimings(java.time.Instant.parse("2026-01-02T03:04:05Z"),
                        java.time.Instant.parse("2026-01-02T03:04:06Z"), java.time.Instant.parse("2026-01-02T03:04:07.5Z")));
        JobResult withMeta = JobResult.pending(2, "m", "j3", "p", "b", 2)
                .completed(Map.of("0", 1L, "1", 1L), List.of("0", "1"), Map.of("method", "statevector", "seed", 5));
        JobResult failed = JobResult.pending(1, "x", "j2", "remote", "qpu", 10)
                .failed(new JobError(JobError.Kind.EXECUTION_FAILED, "boom", "E1"));
        List<JobResult> all = List.of(timed, withMeta, failed, JobResult.pending(0, "", "j4", "p", "b", 1));
        List<JobResult> back = ResultJson.read(ResultJson.write(all));
        assertThat(back).hasSize(4);
        assertThat(back.get(0)).isEqualTo(timed);
        assertThat(back.get(2)).isEqualTo(failed);
        assertThat(back.get(3)).isEqualTo(all.get(3));
        assertThat(back.get(1).memory()).containsExactly("0", "1");
        assertThat(back.get(1).metadata()).containsEntry("method", "statevector").containsEntry("seed", 5);
        assertThatThrownBy(() -> ResultJson.read("{")).hasMessageContaining("not a JSON array of job results");
    }

    @Test
    void tableExports() throws Exception {
        JobResult failed = JobResult.pending(1, "ghz, 3", "j2", "remote", "qpu", 10)
                .failed(JobError.of(JobError.Kind.TIMEOUT, "slow"));
        ResultTable t = ResultTable.of(List.of(bell, failed));
        assertThat(t.rows()).hasSize(3);
        String csv = t.toCsv();
        assertThat(csv).startsWith("circuit_index,circuit_name,provider,backend,job_id,state,bitstring,count,probability,shots,error\r\n");
        assertThat(csv).contains("0,bell,local,statevector,j1,COMPLETED,00,48,0.48,100,\r\n");
        assertThat(csv).contains("1,\"ghz, 3\",remote,qpu,j2,FAILED,,0,0.0,10,TIMEOUT: slow\r\n");
        List<Map<String, Object>> json = new ObjectMapper().readValue(t.toJson(), new com.fasterxml.jackson.core.type.TypeReference<List<Map<String, Object>>>() { });
        assertThat(json).hasSize(3);
        assertThat(json.get(1)).containsEntry("bitstring", "11").containsEntry("count", 52);
        String console = t.toConsole();
        assertThat(console.lines().toList()).hasSize(5);
        assertThat(console.lines().findFirst().orElseThrow()).startsWith("circuit").contains("bitstring");
        assertThat(console).contains("0:bell").contains("0.5200");
    }
}
