/**
 * The density-matrix simulator ({@link io.qexec.sim.density.DensityMatrixSimulator}): exact noisy simulation of
 * small circuits.
 */
package io.qexec.sim.density;
