package org.plasticity.neural.method;

/** A fitted {@link Regression}: predicts the targets of new inputs. */
public interface Fitted {
    /**
     * @param x    {@code rows x p} inputs, row-major, with the {@code p} of the fit (not modified)
     * @param rows number of input rows
     * @return {@code rows x q} predictions, row-major
     */
    double[] predict(double[] x, int rows);
}
