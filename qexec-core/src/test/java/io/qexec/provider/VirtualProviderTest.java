package io.qexec.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qexec.dispatch.Job;
import io.qexec.testkit.FakeRemoteProvider;
import io.qexec.testkit.TestProviders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VirtualProviderTest {

    /** A factory for a provider type that needs an API key. */
    static final class KeyedFactory implements ProviderFactory {
        @Override
        public String type() {
            return "keyed";
        }

        @Override
        public Provider create(ProviderConfig config) {
            String key = config.require("api_key");
            if (!key.startsWith("k-")) {
                throw new IllegalArgumentException("provider '" + config.name() + "': the API key was rejected");
            }
            return new FakeRemoteProvider(config.name());
        }
    }

    @Test
    void backendsAreGroupedAndFilteredByStatus() {
        VirtualProvider vp = VirtualProvider.of(TestProviders.local(), new FakeRemoteProvider("remote"));
        Map<String, Map<String, Backend>> all = vp.backends(false);
        assertThat(all.keySet()).containsExactly("local", "remote");
        assertThat(all.get("remote")).containsKey("down");
        assertThat(vp.backends(true).get("remote")).doesNotContainKey("down").containsKey("qpu");
        assertThat(all.get("local").keySet()).containsExactly("statevector", "stabilizer", "density_matrix", "auto",
                "fake_line5", "fake_ring7");
        Backend line = all.get("local").get("fake_line5");
        assertThat(line.deviceProfile()).contains("line5");
        assertThat(line.couplingMap()).contains(List.of(0, 1));
        assertThat(line.option("noise")).isPresent();
        assertThat(all.get("local").get("statevector").option("noise")).isEmpty();
    }

    @Test
    void lookupErrorsAreClear() {
        VirtualProvider vp = VirtualProvider.of(TestProviders.local(), new FakeRemoteProvider("remote"));
        assertThatThrownBy(() -> vp.backend("lcal", "auto"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown provider 'lcal'").hasMessageContaining("did you mean 'local'");
        assertThatThrownBy(() -> vp.backend("local", "statevectr"))
                .hasMessage("provider 'local' has no backend 'statevectr'; did you mean 'statevector'?");
        assertThatThrownBy(() -> vp.backend("local", "zzzzzzzzzzzz")).hasMessage("provider 'local' has no backend 'zzzzzzzzzzzz'");
        assertThatThrownBy(() -> vp.backend("remote", "down"))
                .isInstanceOf(IllegalStateException.class).hasMessage("backend remote/down is offline, not online");
        assertThat(vp.backend("remote", "down", false).status()).isEqualTo(BackendStatus.OFFLINE);
    }

    @Test
    void aProviderThatCannotStartIsReportedAndOthersStart() {
        QexecConfig config = QexecConfig.parse("""
                providers:
                  good:
                    type: keyed
                    api_key: ${GOOD_KEY}
                  rejected:
                    type: keyed
                    api_key: wrong
                  unset:
                    type: keyed
                    api_key: ${NOT_SET_ANYWHERE}
                  mystery:
                    type: quantum_magic
                """, Map.of("GOOD_KEY", "k-secret-value"));
        VirtualProvider vp = VirtualProvider.builder().factory(new KeyedFactory()).profile(config.defaultProfile()).build();
        assertThat(vp.names()).contains("good", "local").doesNotContain("rejected", "unset", "mystery");
        assertThat(vp.startupFailures()).extracting(StartupFailure::provider).containsExactlyInAnyOrder("rejected", "unset", "mystery");
        assertThat(vp.startupFailures()).allSatisfy(f -> assertThat(f.reason()).doesNotContain("k-secret-value"));
        assertThat(vp.startupFailures()).filteredOn(f -> f.provider().equals("unset")).singleElement()
                .extracting(StartupFailure::reason).isEqualTo("environment variable NOT_SET_ANYWHERE is not set");
        assertThatThrownBy(() -> vp.requireProvider("rejected")).hasMessageContaining("could not start: provider 'rejected': the API key was rejected");
        assertThat(vp.configs().get("good").toString()).doesNotContain("k-secret-value").contains("api_key=***");
    }

    @Test
    void localProviderIsDiscoveredWithoutConfiguration() {
        VirtualProvider vp = VirtualProvider.builder().build();
        assertThat(vp.names()).contains("local");
        assertThat(vp.requireProvider("local").site()).isEqualTo(Provider.Site.LOCAL);
    }

    @Test
    void duplicateNamesAreRejected() {
        assertThatThrownBy(() -> VirtualProvider.builder().add(new FakeRemoteProvider("x")).add(new FakeRemoteProvider("x")))
                .hasMessageContaining("provider name 'x' is already used");
    }

    @Test
    void aProviderFailingToListBackendsIsLeftOutOfTheListing() {
        Provider failing = new FakeRemoteProvider("flaky") {
            @Override
            public List<Backend> backends() {
                throw new ProviderException(io.qexec.result.JobError.Kind.SUBMISSION_FAILED, "unreachable", "");
            }
        };
        VirtualProvider vp = VirtualProvider.of(TestProviders.local(), failing);
        assertThat(vp.backends(true).keySet()).containsExactly("local");
    }

    @Test
    void localSubmissionReturnsTheResultAtOnce() {
        Provider local = TestProviders.local();
        Backend sv = local.backend("statevector").orElseThrow();
        Submission s = local.submit(sv, Job.of(TestProviders.xOnFirst(), 8, Map.of("seed", 4)));
        assertThat(s.immediateResult()).isPresent();
        assertThat(s.result().counts()).isEqualTo(Map.of("01", 8L));
        assertThat(s.result().metadata()).containsEntry("seed", 4L);
    }
}
