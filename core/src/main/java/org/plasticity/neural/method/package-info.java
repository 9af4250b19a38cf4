/**
 * Brain-Score's method for comparing a model's units with recorded neurons: a linear mapping ({@link
 * org.plasticity.neural.method.Pls}, PLS2 as scikit-learn's {@code PLSRegression(scale=False)}, or {@link
 * org.plasticity.neural.method.Ridge}, as {@code RidgeCV}) fitted on shuffle splits of the stimuli ({@link
 * org.plasticity.neural.method.Splits}), Pearson r per neuron on the held-out stimuli ({@link
 * org.plasticity.neural.method.Pearson}), median over neurons and mean over splits ({@link
 * org.plasticity.neural.method.Predictivity}), and the neurons' own split-half reliability ({@link
 * org.plasticity.neural.method.Ceiling}). Everything is double precision and single-threaded, with the large products
 * through {@link org.plasticity.numeric.Blas}, so that a result is the same bits on every run. The equations, defaults
 * and deviations from scikit-learn and Brain-Score are in {@code docs/predictivity-method.md}.
 */
package org.plasticity.neural.method;
