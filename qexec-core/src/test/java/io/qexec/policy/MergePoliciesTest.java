package io.qexec.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.qexec.result.JobError;
import io.qexec.result.JobResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MergePoliciesTest {
    private final PolicyRegistry policies = PolicyRegistry.withBuiltIns();

    private static JobResult done(int circuit, String provider, String backend, String id, Map<String, Long> counts) {
        long shots = counts.values().stream().mapToLong(Long::longValue).sum();
        return JobResult.pending(circuit, "c" + circuit, id, provider, backend, (int) shots)
                .completed(new TreeMap<>(counts), List.of(), Map.of());
    }

    private static Map<String, Map<String, List<JobResult>>> results(JobResult... jobs) {
        Map<String, Map<String, List<JobResult>>> out = new LinkedHashMap<>();
        for (JobResult r : jobs) {
            out.computeIfAbsent(r.provider(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.backend(), k -> new java.util.ArrayList<>()).add(r);
        }
        return out;
    }

    private final JobResult a0 = done(0, "p", "a", "1", Map.of("00", 60L, "11", 40L));
    private final JobResult b0 = done(0, "p", "b", "2", Map.of("00", 50L, "11", 50L));
    private final JobResult a1 = done(1, "p", "a", "3", Map.of("01", 100L));
    private final JobResult failed = JobResult.pending(1, "c1", "4", "p", "b", 100)
            .failed(JobError.of(JobError.Kind.EXECUTION_FAILED, "x"));

    private MergeOutcome merge(String name, Map<String, Object> data) {
        return policies.merge(name).merge(new MergeRequest(results(a0, b0, a1, failed), data));
    }

    @Test
    void aggregateKeepsCircuitsApartAndReportsSkippedJobs() {
        MergeOutcome out = merge("aggregate", Map.of("x", 1));
        assertThat(out.value()).isEqualTo(Map.of(0, Map.of("00", 110L, "11", 90L), 1, Map.of("01", 100L)));
        assertThat(out.data()).containsEntry("x", 1).containsEntry("skipped_jobs", List.of("4"));
    }

    @Test
    void simpleAggregateMixesCircuitsAsDocumented() {
        assertThat(merge("simple_aggregate", Map.of()).value()).isEqualTo(Map.of("00", 110L, "11", 90L, "01", 100L));
    }

    @Test
    void probabilitiesNormalisePerCircuit() {
        @SuppressWarnings("unchecked")
        Map<Integer, Map<String, Double>> p = (Map<Integer, Map<String, Double>>) merge("probabilities", Map.of()).value();
        assertThat(p.get(0).get("00")).isCloseTo(0.55, within(1e-12));
        assertThat(p.get(1)).isEqualTo(Map.of("01", 1.0));
    }

    @Test
    void tvdAndHellingerCompareWithTheReference() {
        @SuppressWarnings("unchecked")
        Map<Integer, Map<String, Double>> tvd = (Map<Integer, Map<String, Double>>) policies.merge("tvd")
                .merge(new MergeRequest(results(a0, b0), Map.of("reference", "p/a"))).value();
        assertThat(tvd.get(0).get("p/a")).isZero();
        assertThat(tvd.get(0).get("p/b")).isCloseTo(0.1, within(1e-12));
        @SuppressWarnings("unchecked")
        Map<Integer, Map<String, Double>> h = (Map<Integer, Map<String, Double>>) policies.merge("hellinger")
                .merge(new MergeRequest(results(a0, b0), Map.of("reference", "p/a"))).value();
        assertThat(h.get(0).get("p/b")).isPositive().isLessThan(0.1);
        assertThatThrownBy(() -> policies.merge("tvd").merge(new MergeRequest(results(a0), Map.of())))
                .hasMessageContaining("needs policy data 'reference'");
        assertThatThrownBy(() -> policies.merge("tvd").merge(new MergeRequest(results(a0), Map.of("reference", "p/zz"))))
                .hasMessageContaining("no completed result on the reference p/zz");
    }

    @Test
    void majorityVotesPerCircuit() {
        JobResult c0 = done(0, "p", "c", "5", Map.of("11", 70L, "00", 30L));
        JobResult d0 = done(0, "p", "d", "6", Map.of("11", 51L, "00", 49L));
        Object v = policies.merge("majority").merge(new MergeRequest(results(a0, c0, d0, a1), Map.of())).value();
        assertThat(v).isEqualTo(Map.of(0, "11", 1, "01"));
    }

    @Test
    void registeringOneKindKeepsTheOther() {
        PolicyRegistry r = PolicyRegistry.empty();
        SplitPolicy s = req -> new SplitOutcome(io.qexec.dispatch.Dispatch.empty(), req.data());
        MergePolicy m = req -> new MergeOutcome(1, req.data());
        r.registerSplit("mine", s);
        r.registerMerge("mine", m);
        assertThat(r.split("mine")).isSameAs(s);
        assertThat(r.merge("mine")).isSameAs(m);
        assertThat(r.names()).isEqualTo(Map.of("mine", java.util.Set.of("split", "merge")));
        assertThatThrownBy(() -> r.split("other")).hasMessageContaining("unknown split policy 'other' (known: mine)");
        assertThatThrownBy(() -> r.registerSplit(" ", s)).hasMessageContaining("must not be empty");
    }

    @Test
    void serviceLoaderPluginsAreRegistered() {
        assertThat(policies.names()).containsEntry("plugged", java.util.Set.of("merge"));
        assertThat(policies.merge("plugged").merge(new MergeRequest(results(a0), Map.of())).value()).isEqualTo("plugged:1");
    }

    @Test
    void builtInsAreRegistered() {
        assertThat(policies.names()).containsKeys("uniform", "multiplier", "weighted", "random", "round_robin",
                "aggregate", "simple_aggregate", "probabilities", "tvd", "hellinger", "majority");
    }
}
