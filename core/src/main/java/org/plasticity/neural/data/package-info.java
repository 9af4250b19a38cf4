/**
 * Recordings, stimuli, stimulus labels and precomputed activations read from files (NPY, CSV, MATLAB, HDF5/NWB,
 * images). A file that cannot be used is a one-line {@link org.plasticity.DataException} naming it.
 */
package org.plasticity.neural.data;
