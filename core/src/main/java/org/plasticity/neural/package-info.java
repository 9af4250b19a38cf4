/**
 * Neural predictivity: how well the units of a model (pixels, random features, a trained network's layers) predict
 * recorded neurons' responses to the same stimuli, relative to how reliable the neurons are themselves, by the method
 * Brain-Score uses (Schrimpf et al. 2018): cross-validated PLS regression, Pearson r per neuron on held-out stimuli,
 * and a split-half ceiling over repeats. See {@code docs/predictivity.md}.
 */
package org.plasticity.neural;
