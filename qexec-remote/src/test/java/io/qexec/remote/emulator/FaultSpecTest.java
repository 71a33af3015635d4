package io.qexec.remote.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FaultSpecTest {

    @Test
    void aSpecListsFaultsWithArgumentsScopesAndTriggers() {
        FaultSpec spec = FaultSpec.parse("429=2@0.1, 503/submit@first1,drop=before/status@every3,stuck@every10,"
                + "fail=SimulationError,latency=200,ratelimit=20");
        assertThat(spec.faults()).hasSize(7);
        Fault first = spec.faults().get(0);
        assertThat(first.kind()).isEqualTo(FaultKind.TOO_MANY_REQUESTS);
        assertThat(first.argument()).contains("2");
        assertThat(first.trigger().probability()).isEqualTo(0.1);
        Fault second = spec.faults().get(1);
        assertThat(second.scope()).isEqualTo(RequestScope.SUBMIT);
        assertThat(second.trigger().first()).isEqualTo(1);
        assertThat(spec.faults().get(2).trigger().every()).isEqualTo(3);
        assertThat(spec.faults().get(4).argument()).contains("SimulationError");
        assertThat(FaultSpec.parse(spec.toString())).isEqualTo(spec);
    }

    @Test
    void blankMeansNoFaults() {
        assertThat(FaultSpec.parse("  ").isEmpty()).isTrue();
        assertThat(FaultSpec.parse(null).isEmpty()).isTrue();
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> FaultSpec.parse("418")).hasMessageContaining("unknown fault '418'");
        assertThatThrownBy(() -> FaultSpec.parse("503/everything")).hasMessageContaining("unknown request scope");
        assertThatThrownBy(() -> FaultSpec.parse("503@sometimes")).hasMessageContaining("trigger 'sometimes'");
        assertThatThrownBy(() -> FaultSpec.parse("latency")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> FaultSpec.parse("drop=maybe")).hasMessageContaining("'before' or 'after'");
        assertThatThrownBy(() -> FaultSpec.parse("500=3")).hasMessageContaining("takes no value");
    }

    @Test
    void countingTriggersFireOnTheRightEvents() {
        Fault.Trigger first2 = new Fault.Trigger(0, 2, 0);
        Fault.Trigger every3 = new Fault.Trigger(0, 0, 3);
        assertThat(first2.fires(1, 0.99)).isTrue();
        assertThat(first2.fires(2, 0.99)).isTrue();
        assertThat(first2.fires(3, 0.0)).isFalse();
        assertThat(every3.fires(3, 0.99)).isTrue();
        assertThat(every3.fires(4, 0.0)).isFalse();
        assertThat(new Fault.Trigger(0.25, 0, 0).fires(1, 0.2)).isTrue();
        assertThat(new Fault.Trigger(0.25, 0, 0).fires(1, 0.3)).isFalse();
    }

    @Test
    void jobPhasesFollowTheJobsClock() {
        Duration d = Duration.ofSeconds(1);
        assertThat(JobPhase.at(Duration.ZERO, d)).isEqualTo(JobPhase.SUBMITTED);
        assertThat(JobPhase.at(Duration.ofMillis(200), d)).isEqualTo(JobPhase.QUEUED);
        assertThat(JobPhase.at(Duration.ofMillis(500), d)).isEqualTo(JobPhase.RUNNING);
        assertThat(JobPhase.at(Duration.ofMillis(1000), d)).isEqualTo(JobPhase.DONE);
        assertThat(JobPhase.at(Duration.ZERO, Duration.ZERO)).isEqualTo(JobPhase.DONE);
    }

    @Test
    void jobFaultsAreDrawnPerSubmission() throws Exception {
        EmulatorOptions o = EmulatorOptions.defaults().withFaults(FaultSpec.parse("stuck@first1,fail=TooManyShots@every2"));
        try (EmulatorServer s = EmulatorServer.start("t", o, java.util.List.of(), (c, m) -> "{}")) {
            assertThat(s.nextJobFault().stuck()).isTrue();
            JobFault second = s.nextJobFault();
            assertThat(second.fails()).isTrue();
            assertThat(second.failureCode()).isEqualTo(Optional.of("TooManyShots"));
            assertThat(s.nextJobFault()).isEqualTo(JobFault.NONE);
        }
    }
}
