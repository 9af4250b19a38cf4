/**
 * Numeric core over row-major {@code double[]} and {@code float[]}: a BLAS facade ({@link org.plasticity.numeric.Blas}),
 * fused Vector API kernels with plain-Java twins ({@link org.plasticity.numeric.EulerKernels},
 * {@link org.plasticity.numeric.ReferenceKernels}), seeded random streams and a symmetric eigen-solver. Imports no
 * other Plasticity package.
 */
package org.plasticity.numeric;
