package io.qexec.provider.local;

import io.qexec.sim.Simulator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A noisy device model offered by the {@code local} provider as a backend of its own.
 *
 * @param name the backend name (such as {@code fake_5q_line})
 * @param numQubits the device's qubit count
 * @param nativeGates the device's native gates
 * @param couplingMap the device's directed coupling edges; empty for all-to-all
 * @param profile the name of the device/noise profile
 * @param noisySimulator the simulator that applies the device's noise
 */
public record LocalDevice(String name, int numQubits, Set<String> nativeGates, List<List<Integer>> couplingMap,
                          String profile, Simulator noisySimulator) {
    public LocalDevice {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(noisySimulator, "noisySimulator");
        nativeGates = Set.copyOf(nativeGates);
        couplingMap = couplingMap.stream().map(List::copyOf).toList();
        profile = profile == null ? name : profile;
    }
}
