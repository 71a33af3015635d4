package io.qexec.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qexec.circuit.Circuit;
import io.qexec.circuit.Condition;
import io.qexec.circuit.DefinedGate;
import io.qexec.circuit.Expr;
import io.qexec.circuit.GateModifier;
import io.qexec.circuit.GateOp;
import io.qexec.circuit.ModifiedGate;
import io.qexec.circuit.StandardGate;
import io.qexec.testkit.TestProviders;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DispatchTest {
    private final Circuit a = TestProviders.xOnFirst();
    private final Circuit b = TestProviders.xcx();

    @Test
    void builderKeepsOrderCountsTotalsAndIndexesCircuitsByFirstAppearance() {
        Dispatch d = Dispatch.builder()
                .add("p", "x", a, 10)
                .add("q", "y", b, 20, Map.of("seed", 1))
                .add("p", "x", a, 5)
                .addAll("p", "z", List.of(a, b), List.of(7), Map.of())
                .build();
        assertThat(d.size()).isEqualTo(5);
        assertThat(d.totalShots()).isEqualTo(49);
        assertThat(d.targets()).isEqualTo(Map.of("p", List.of("x", "z"), "q", List.of("y")));
        assertThat(d.shotsByBackend()).containsExactly(Map.entry("p/x", 15L), Map.entry("p/z", 14L), Map.entry("q/y", 20L));
        assertThat(d.shotsByCircuit()).isEqualTo(Map.of(0, 22L, 1, 27L));
        List<String> order = new ArrayList<>();
        for (Dispatch.Entry e : d) {
            order.add(e.provider() + "/" + e.backend() + ":" + e.job().shots());
        }
        assertThat(order).containsExactly("p/x:10", "p/x:5", "p/z:7", "p/z:7", "q/y:20");
    }

    @Test
    void addAllRejectsMismatchedShots() {
        assertThatThrownBy(() -> Dispatch.builder().addAll("p", "x", List.of(a, b), List.of(1, 2, 3), Map.of()))
                .hasMessageContaining("2 circuits, 3 shot counts");
    }

    @Test
    void duplicateJobIdsAreRejected() {
        Job j = new Job("same", 0, a, 1, Map.of());
        assertThatThrownBy(() -> Dispatch.builder().add("p", "x", j).add("p", "y", j).build())
                .hasMessageContaining("job id 'same' is used twice");
    }

    @Test
    void fromMapAcceptsOptionsConfigurationAndConfig() {
        Map<String, Object> map = Map.of("p", Map.of("x", List.of(
                Map.of("circuit", a, "shots", 10, "options", Map.of("seed", 1)),
                Map.of("circuit", a, "shots", 10, "configuration", Map.of("seed", 2)),
                Map.of("id", "mine", "circuit", a, "shots", 10, "config", Map.of("seed", 3)))));
        Dispatch d = Dispatch.fromMap(map);
        assertThat(d.entries()).extracting(e -> e.job().options().get("seed")).containsExactly(1, 2, 3);
        assertThat(d.entries().get(2).job().id()).isEqualTo("mine");
    }

    @Test
    void fromMapNamesEveryBadInput() {
        assertThatThrownBy(() -> Dispatch.fromMap(Map.of("p", Map.of("x", List.of(Map.of("circuit", a, "shots", 1, "confg", Map.of()))))))
                .hasMessageContaining("p/x job 0: unknown key [confg]");
        assertThatThrownBy(() -> Dispatch.fromMap(Map.of("p", Map.of("x", List.of(Map.of("circuit", a))))))
                .hasMessageContaining("'shots' is missing");
        assertThatThrownBy(() -> Dispatch.fromMap(Map.of("p", Map.of("x", List.of(Map.of("circuit", a, "shots", "ten"))))))
                .hasMessageContaining("'shots' must be a whole number");
        assertThatThrownBy(() -> Dispatch.fromMap(Map.of("p", Map.of("x", List.of(Map.of("circuit", a, "shots", 1,
                "options", Map.of(), "config", Map.of()))))))
                .hasMessageContaining("options are given twice");
        assertThatThrownBy(() -> Dispatch.fromMap(Map.of("p", List.of())))
                .hasMessageContaining("provider 'p': expected a map");
        assertThatThrownBy(() -> Dispatch.fromMap(Map.of("p", Map.of("x", List.of(Map.of("circuit", 42, "shots", 1))))))
                .hasMessageContaining("must be a Circuit or an OpenQASM string");
    }

    @Test
    void optionsAreDeepCopied() {
        Map<String, Object> inner = new HashMap<>(Map.of("k", 1));
        Map<String, Object> options = new HashMap<>(Map.of("nested", inner));
        Job j = Job.of(a, 1, options);
        inner.put("k", 2);
        options.put("other", true);
        assertThat(j.options()).isEqualTo(Map.of("nested", Map.of("k", 1)));
        assertThatThrownBy(() -> Job.of(a, 1, Map.of("bad", new Object()))).hasMessageContaining("option values must be");
    }

    @Test
    void jsonRoundTripKeepsEverything() {
        DefinedGate bellPair = DefinedGate.of("pair", List.of("t"), 2, List.of(
                new GateOp(StandardGate.RY, List.of(Expr.symbol("t")), List.of(0)),
                GateOp.of(StandardGate.CX, new double[0], 0, 1)));
        Circuit rich = Circuit.builder(3, 2).name("rich").metadata("k", "v")
                .h(0).rz(Expr.symbol("theta"), 1).cp(0.25, 0, 2)
                .gate(bellPair, new double[] {0.5}, 1, 2)
                .gate(ModifiedGate.of(StandardGate.X, new GateModifier.Control(1, false)), new double[0], 0, 1)
                .ifThen(Condition.bit(0, true), body -> body.x(2))
                .barrier(0, 1).reset(2).measure(0, 0).measure(1, 1).build();
        Dispatch d = Dispatch.builder()
                .add("p", "x", rich, 10, Map.of("seed", 7, "nested", Map.of("list", List.of(1, "two", true))))
                .add("q", "y", a, 3)
                .build();
        String json = d.toJson();
        Dispatch back = Dispatch.fromJson(json);
        assertThat(back).isEqualTo(d);
        assertThat(back.entries().get(0).job().circuit()).isEqualTo(rich);
        assertThat(back.toJson()).isEqualTo(json);
    }

    @Test
    void fromJsonRejectsGarbage() {
        assertThatThrownBy(() -> Dispatch.fromJson("[1]")).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> Dispatch.fromJson("{")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> Dispatch.fromJson("{\"p\":{\"x\":[{\"circuit\":{\"bogus\":1},\"shots\":1}]}}"))
                .hasMessageContaining("p/x job 0: invalid circuit");
    }

    @Test
    void circuitsOfTreatsAStringAsOneCircuit() {
        List<Circuit> one = Circuits.of("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\ncreg c[2];\nx q[0];\n"
                + "measure q -> c;\n");
        assertThat(one).singleElement().satisfies(c -> assertThat(c.numQubits()).isEqualTo(2));
        assertThatThrownBy(() -> Circuits.of(List.of(a, "OPENQASM 2.0; qreg q[1]; bogus q[0];")))
                .hasMessageStartingWith("circuit 1: invalid OpenQASM");
        assertThat(Circuits.of("OPENQASM 2.0; include \"qelib1.inc\"; qreg q[1]; creg c[1]; x q[0]; measure q -> c;")).hasSize(1);
        assertThatThrownBy(() -> Circuits.of("OPENQASM 2.0; qreg q[1]"))
                .hasMessageStartingWith("circuit 0: invalid OpenQASM: ").hasMessageContaining("1:24");
        assertThat(Circuits.of(List.of(a, b))).containsExactly(a, b);
        assertThatThrownBy(() -> Circuits.of(3)).hasMessageContaining("must be a Circuit, an OpenQASM string or a collection");
    }
}
