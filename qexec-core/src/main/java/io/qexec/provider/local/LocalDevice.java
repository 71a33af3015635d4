package io.qexec.provider.local;

import io.qexec.sim.noise.DeviceProfile;
import io.qexec.sim.noise.NoiseModel;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A noisy device model offered by the {@code local} provider as a backend of its own.
 *
 * @param name the backend name (such as {@code fake_aria})
 * @param numQubits the device's qubit count
 * @param nativeGates the device's native gates
 * @param couplingMap the device's coupling edges; empty for all-to-all
 * @param profile the name of the device/noise profile
 * @param noise the noise the device's jobs are simulated under
 */
public record LocalDevice(String name, int numQubits, Set<String> nativeGates, List<List<Integer>> couplingMap,
                          String profile, NoiseModel noise) {
    public LocalDevice {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(noise, "noise");
        nativeGates = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(nativeGates));
        couplingMap = couplingMap.stream().map(List::copyOf).toList();
        profile = profile == null ? name : profile;
    }

    /** The device of a catalogued profile, under the profile's name. */
    public static LocalDevice of(DeviceProfile profile) {
        return new LocalDevice(profile.name(), profile.numQubits(), new LinkedHashSet<>(profile.nativeGates()),
                profile.couplingMap(), profile.name(), profile.toNoiseModel());
    }
}
