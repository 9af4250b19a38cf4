/**
 * Benchmarks of the project's hot paths, run outside the test suite: JMH kernels for the network step, the batched
 * step and matrix products (against native OpenBLAS for comparison), a wall-clock timer for one training epoch, and
 * {@link org.plasticity.bench.Env}, which records the machine a run came from. Built into {@code benchmarks.jar} by
 * {@code mvn package}; driven by the scripts in {@code bench/}.
 */
package org.plasticity.bench;
