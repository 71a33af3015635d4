package io.qexec.provider.local;

import io.qexec.circuit.Circuit;
import io.qexec.dispatch.Job;
import io.qexec.provider.Backend;
import io.qexec.provider.OptionSpec;
import io.qexec.provider.Provider;
import io.qexec.provider.ProviderException;
import io.qexec.provider.ProviderJob;
import io.qexec.provider.ProviderJobStatus;
import io.qexec.provider.ProviderResult;
import io.qexec.provider.Submission;
import io.qexec.result.JobError;
import io.qexec.result.JobState;
import io.qexec.sim.SimulationException;
import io.qexec.sim.SimulationOptions;
import io.qexec.sim.SimulationResult;
import io.qexec.sim.Simulator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The embedded provider {@code local}: the bundled simulators, one backend per method
 * ({@code statevector}, {@code density_matrix}, {@code stabilizer}, {@code trajectories}), an {@code auto} backend
 * that picks the method per circuit (stabilizer for Clifford circuits, else statevector, else the widest engine
 * that fits), and one backend per noisy device model (run by the device's own noisy simulator). It needs no
 * configuration.
 *
 * <p>Per-job options: {@code seed} (integer ≥ 0: reproducible counts), {@code memory} (boolean: per-shot
 * bitstrings), {@code method} (string: the method to use on {@code auto} or a device backend), {@code noise}
 * (boolean, device backends: {@code false} runs the ideal circuit). Jobs run while they are submitted, so
 * they are never polled.
 */
public final class LocalProvider implements Provider {
    /** The provider's default name. */
    public static final String NAME = "local";
    /** The backend that picks a method per circuit. */
    public static final String AUTO = "auto";

    private static final List<OptionSpec> COMMON_OPTIONS = List.of(
            new OptionSpec("seed", OptionSpec.Type.INTEGER, "random seed (>= 0) for reproducible counts"),
            new OptionSpec("memory", OptionSpec.Type.BOOLEAN, "return every shot's bitstring"),
            new OptionSpec("method", OptionSpec.Type.STRING, "simulation method to use instead of the backend's"));
    private static final OptionSpec NOISE = new OptionSpec("noise", OptionSpec.Type.BOOLEAN,
            "apply the device's noise (default true); false runs the ideal circuit");

    private final String name;
    private final Map<String, LocalEngine> engines;
    private final Map<String, LocalDevice> devices;
    private final List<Backend> backends;
    private final AtomicLong ids = new AtomicLong();

    private LocalProvider(String name, List<LocalEngine> engines, List<LocalDevice> devices) {
        this.name = name;
        this.engines = new LinkedHashMap<>();
        for (LocalEngine e : engines) {
            if (this.engines.putIfAbsent(e.method(), e) != null) {
                throw new IllegalArgumentException("two engines for method '" + e.method() + "'");
            }
        }
        this.devices = new LinkedHashMap<>();
        for (LocalDevice d : devices) {
            if (this.engines.containsKey(d.name()) || d.name().equals(AUTO) || this.devices.putIfAbsent(d.name(), d) != null) {
                throw new IllegalArgumentException("backend name '" + d.name() + "' is used twice");
            }
        }
        List<Backend> list = new ArrayList<>();
        for (LocalEngine e : this.engines.values()) {
            list.add(Backend.builder(name, e.method()).numQubits(e.maxQubits()).simulator(true)
                    .options(COMMON_OPTIONS.subList(0, 2)).build());
        }
        if (!this.engines.isEmpty()) {
            int widest = this.engines.values().stream().mapToInt(LocalEngine::maxQubits).max().orElse(0);
            list.add(Backend.builder(name, AUTO).numQubits(widest).simulator(true).options(COMMON_OPTIONS).build());
        }
        for (LocalDevice d : this.devices.values()) {
            list.add(Backend.builder(name, d.name()).numQubits(d.numQubits()).nativeGates(d.nativeGates())
                    .couplingMap(d.couplingMap()).simulator(true).deviceProfile(d.profile()).options(COMMON_OPTIONS)
                    .option(NOISE.name(), NOISE.type(), NOISE.description()).build());
        }
        this.backends = List.copyOf(list);
    }

    /** The provider with the bundled engines and device models. */
    public static LocalProvider create() {
        return builder().engines(LocalEngines.engines()).devices(LocalEngines.devices()).build();
    }

    /** A builder with no engine and no device. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Backend> backends() {
        return backends;
    }

    @Override
    public Site site() {
        return Site.LOCAL;
    }

    @Override
    public Submission submit(Backend backend, Job job) {
        Object seedOption = job.options().get("seed");
        SimulationOptions options;
        try {
            options = SimulationOptions.shots(job.shots());
        } catch (IllegalArgumentException e) {
            throw new ProviderException(JobError.Kind.INVALID_INPUT, e.getMessage(), "");
        }
        if (seedOption != null) {
            long seed = ((Number) seedOption).longValue();
            if (seed < 0) {
                throw new ProviderException(JobError.Kind.INVALID_INPUT, "seed must be >= 0, got " + seed, "");
            }
            options = options.withSeed(seed);
        }
        if (Boolean.TRUE.equals(job.options().get("memory"))) {
            options = options.withMemory(true);
        }
        Simulator simulator = choose(backend, job);
        Instant started = Instant.now();
        SimulationResult r;
        try {
            r = simulator.run(job.circuit(), options);
        } catch (SimulationException e) {
            throw new ProviderException(JobError.Kind.INVALID_INPUT, e.getMessage(), simulator.method());
        } catch (RuntimeException e) {
            throw new ProviderException(JobError.Kind.EXECUTION_FAILED, "simulation failed: " + e, simulator.method());
        }
        Instant finished = Instant.now();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("method", r.method());
        metadata.put("seed", r.seed());
        metadata.put("simulation_ms", r.elapsed().toNanos() / 1e6);
        backend.deviceProfile().ifPresent(p -> metadata.put("device_profile", p));
        ProviderJob handle = ProviderJob.of(name, backend.name(), name + "-" + ids.incrementAndGet());
        return Submission.finished(handle, new ProviderResult(r.counts(), r.memory(), metadata, started, finished));
    }

    private Simulator choose(Backend backend, Job job) {
        Object method = job.options().get("method");
        LocalDevice device = devices.get(backend.name());
        if (method != null) {
            LocalEngine e = engines.get(method.toString());
            if (e == null) {
                throw new ProviderException(JobError.Kind.INVALID_INPUT, "unknown simulation method '" + method
                        + "' (methods: " + String.join(", ", engines.keySet()) + ")", "");
            }
            return e.simulator();
        }
        if (device != null) {
            return Boolean.FALSE.equals(job.options().get("noise")) ? auto(job.circuit()) : device.noisySimulator();
        }
        LocalEngine e = engines.get(backend.name());
        return e != null ? e.simulator() : auto(job.circuit());
    }

    private Simulator auto(Circuit circuit) {
        LocalEngine stabilizer = engines.get("stabilizer");
        if (stabilizer != null && circuit.isClifford() && circuit.numQubits() <= stabilizer.maxQubits()) {
            return stabilizer.simulator();
        }
        for (String m : List.of("statevector", "density_matrix")) {
            LocalEngine e = engines.get(m);
            if (e != null && circuit.numQubits() <= e.maxQubits()) {
                return e.simulator();
            }
        }
        for (LocalEngine e : engines.values()) {
            if (circuit.numQubits() <= e.maxQubits()) {
                return e.simulator();
            }
        }
        throw new ProviderException(JobError.Kind.INVALID_INPUT, "no local engine can run a " + circuit.numQubits()
                + "-qubit circuit", "");
    }

    @Override
    public ProviderJobStatus status(ProviderJob job) {
        return ProviderJobStatus.of(JobState.COMPLETED);
    }

    @Override
    public ProviderResult result(ProviderJob job) {
        throw new ProviderException(JobError.Kind.INTERNAL, "local jobs return their result when submitted", "");
    }

    @Override
    public boolean cancel(ProviderJob job) {
        return false;
    }

    @Override
    public String toString() {
        return "LocalProvider[" + name + ", backends=" + backends.stream().map(Backend::name).toList() + "]";
    }

    /** Builds a {@link LocalProvider}. */
    public static final class Builder {
        private String name = NAME;
        private final List<LocalEngine> engines = new ArrayList<>();
        private final List<LocalDevice> devices = new ArrayList<>();

        private Builder() {
        }

        /** The provider's name (default {@code local}). */
        public Builder name(String value) {
            this.name = Objects.requireNonNull(value, "name");
            return this;
        }

        /** Adds an engine. */
        public Builder engine(LocalEngine engine) {
            engines.add(engine);
            return this;
        }

        /** Adds engines. */
        public Builder engines(List<LocalEngine> list) {
            engines.addAll(list);
            return this;
        }

        /** Adds a device model. */
        public Builder device(LocalDevice device) {
            devices.add(device);
            return this;
        }

        /** Adds device models. */
        public Builder devices(List<LocalDevice> list) {
            devices.addAll(list);
            return this;
        }

        /** The provider. */
        public LocalProvider build() {
            return new LocalProvider(name, engines, devices);
        }
    }
}
