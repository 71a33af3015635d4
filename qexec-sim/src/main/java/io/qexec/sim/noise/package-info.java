/**
 * Noise: {@link io.qexec.sim.noise.KrausChannel quantum channels}, {@link io.qexec.sim.noise.ReadoutError
 * readout errors}, {@link io.qexec.sim.noise.NoiseModel noise models}, {@link io.qexec.sim.noise.DeviceProfile
 * device profiles} and the {@link io.qexec.sim.noise.DeviceProfiles catalogue} of noisy device models, and the
 * Monte-Carlo {@link io.qexec.sim.noise.TrajectorySimulator trajectory simulator}. Conventions and sources:
 * {@code docs/noise.md}.
 */
package io.qexec.sim.noise;
