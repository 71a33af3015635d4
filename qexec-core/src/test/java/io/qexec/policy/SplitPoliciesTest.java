package io.qexec.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qexec.dispatch.Dispatch;
import io.qexec.testkit.TestProviders;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class SplitPoliciesTest {
    private final PolicyRegistry policies = PolicyRegistry.withBuiltIns();

    private Dispatch split(String policy, int shots, Map<String, List<String>> backends, Map<String, Object> data) {
        return policies.split(policy).split(new SplitRequest(TestProviders.single(), 0, shots, backends, null, data)).dispatch();
    }

    private static Map<String, List<String>> backends(List<Integer> perProvider) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int p = 0; p < perProvider.size(); p++) {
            List<String> names = new ArrayList<>();
            for (int b = 0; b < perProvider.get(p); b++) {
                names.add("b" + b);
            }
            out.put("p" + p, names);
        }
        return out;
    }

    @Test
    void uniformOverSeveralProvidersConservesShots() {
        // the original gave 501 + 501 = 1002 here, and 1025 for 1024 over three backends
        Dispatch d = split("uniform", 1001, Map.of("a", List.of("x"), "b", List.of("y")), Map.of());
        assertThat(d.totalShots()).isEqualTo(1001);
        Dispatch three = split("uniform", 1024, new LinkedHashMap<>(Map.of("a", List.of("x", "y"))) {{
            put("b", List.of("z"));
        }}, Map.of());
        assertThat(three.totalShots()).isEqualTo(1024);
        assertThat(three.shotsByBackend().values()).containsExactly(342L, 341L, 341L);
    }

    @Property(seed = "42", tries = 300)
    void uniformTotalsAreExactWithoutZeroShotJobs(@ForAll @IntRange(min = 1, max = 100_000) int shots,
                                                  @ForAll @Size(min = 1, max = 4) List<@IntRange(min = 1, max = 4) Integer> perProvider) {
        Dispatch d = split("uniform", shots, backends(perProvider), Map.of());
        assertThat(d.totalShots()).isEqualTo(shots);
        assertThat(d.entries()).allSatisfy(e -> assertThat(e.job().shots()).isPositive());
        long max = d.entries().stream().mapToInt(e -> e.job().shots()).max().orElseThrow();
        long min = d.entries().stream().mapToInt(e -> e.job().shots()).min().orElseThrow();
        assertThat(max - min).isLessThanOrEqualTo(1);
    }

    @Property(seed = "7", tries = 200)
    void multiplierGivesEveryBackendAllShots(@ForAll @IntRange(min = 1, max = 10_000) int shots,
                                             @ForAll @Size(min = 1, max = 3) List<@IntRange(min = 1, max = 3) Integer> perProvider) {
        Dispatch d = split("multiplier", shots, backends(perProvider), Map.of());
        int n = perProvider.stream().mapToInt(Integer::intValue).sum();
        assertThat(d.size()).isEqualTo(n);
        assertThat(d.totalShots()).isEqualTo((long) shots * n);
    }

    @Property(seed = "11", tries = 300)
    void randomIsReproducibleExactAndNeverStarvesABackend(@ForAll @IntRange(min = 1, max = 50_000) int shots,
                                                          @ForAll @Size(min = 1, max = 3) List<@IntRange(min = 1, max = 3) Integer> perProvider,
                                                          @ForAll long seed) {
        Map<String, List<String>> b = backends(perProvider);
        Dispatch d1 = split("random", shots, b, Map.of("seed", seed));
        Dispatch d2 = split("random", shots, b, Map.of("seed", seed));
        assertThat(d1.totalShots()).isEqualTo(shots);
        assertThat(d1.shotsByBackend()).isEqualTo(d2.shotsByBackend());
        int n = perProvider.stream().mapToInt(Integer::intValue).sum();
        if (shots >= n) {
            assertThat(d1.size()).isEqualTo(n);
        } else {
            assertThat(d1.size()).isLessThanOrEqualTo(shots);
        }
        assertThat(d1.entries()).allSatisfy(e -> assertThat(e.job().shots()).isPositive());
    }

    @Test
    void randomDrawsAndReturnsASeedWhenNoneIsGiven() {
        SplitOutcome out = policies.split("random").split(new SplitRequest(TestProviders.single(), 0, 100,
                Map.of("a", List.of("x", "y")), null, Map.of()));
        assertThat(out.data()).containsKey("seed");
        assertThatThrownBy(() -> split("random", 10, Map.of("a", List.of("x")), Map.of("seed", "abc")))
                .hasMessageContaining("'seed' must be a number");
    }

    @Property(seed = "5", tries = 300)
    void weightedIsExactAndProportional(@ForAll @IntRange(min = 1, max = 100_000) int shots,
                                        @ForAll @IntRange(min = 0, max = 10) int w1, @ForAll @IntRange(min = 1, max = 10) int w2) {
        Dispatch d = split("weighted", shots, Map.of("a", List.of("x", "y")), Map.of("weights", Map.of("a/x", w1, "a/y", w2)));
        assertThat(d.totalShots()).isEqualTo(shots);
        long x = d.shotsByBackend().getOrDefault("a/x", 0L);
        assertThat(Math.abs(x - (double) shots * w1 / (w1 + w2))).isLessThan(1.0);
    }

    @Test
    void weightedNamesMissingAndUnknownWeights() {
        Map<String, List<String>> b = Map.of("a", List.of("x", "y"));
        assertThatThrownBy(() -> split("weighted", 10, b, Map.of())).hasMessageContaining("needs policy data 'weights'");
        assertThatThrownBy(() -> split("weighted", 10, b, Map.of("weights", Map.of("a/x", 1))))
                .hasMessageContaining("no numeric weight for a/y");
        assertThatThrownBy(() -> split("weighted", 10, b, Map.of("weights", Map.of("a/x", 1, "a/y", 1, "a/z", 1))))
                .hasMessageContaining("a/z, which is not a target");
        assertThatThrownBy(() -> split("weighted", 10, b, Map.of("weights", Map.of("a/x", 0, "a/y", 0))))
                .hasMessageContaining("at least one weight must be positive");
    }

    @Test
    void roundRobinAssignsCircuitsCyclically() {
        SplitPolicy rr = policies.split("round_robin");
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Dispatch d = rr.split(new SplitRequest(TestProviders.single(), i, 10, Map.of("a", List.of("x", "y", "z")), null,
                    Map.of())).dispatch();
            assertThat(d.size()).isEqualTo(1);
            assertThat(d.totalShots()).isEqualTo(10);
            chosen.add(d.entries().get(0).backend());
        }
        assertThat(chosen).containsExactly("x", "y", "z", "x", "y");
    }

    @Test
    void splitsRejectEmptyBackendsAndApplyOptions() {
        assertThatThrownBy(() -> split("uniform", 10, Map.of(), Map.of())).hasMessageContaining("no backends were given");
        Dispatch d = split("uniform", 10, Map.of("a", List.of("x")), Map.of("options", Map.of("seed", 5)));
        assertThat(d.entries().get(0).job().options()).isEqualTo(Map.of("seed", 5));
    }
}
