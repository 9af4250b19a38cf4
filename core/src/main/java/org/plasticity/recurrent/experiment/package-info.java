/**
 * Experiments: compose model, dynamics, statistics, formulae and learning into one result record with its
 * provenance. Prints nothing; progress goes to a {@link org.plasticity.recurrent.experiment.ProgressListener}.
 */
package org.plasticity.recurrent.experiment;
