/**
 * Noisy device models as simulators: {@link io.qexec.sim.device.DeviceSimulator} runs a circuit under a
 * {@link io.qexec.sim.noise.DeviceProfile}'s noise, choosing the density matrix or trajectories.
 */
package io.qexec.sim.device;
