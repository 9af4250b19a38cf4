/**
 * Parameter sweeps: a spec (a grid or a list of points over any config field of an experiment), its expansion into
 * points with stable ids and seeds, the point functions, and the crash-safe local executor. The Spark runner (module
 * {@code spark}) uses the same spec, points and point functions.
 */
package org.plasticity.sweep;
