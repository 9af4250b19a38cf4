package org.plasticity.layered.network;

/**
 * One weight layer of a {@link FeedForwardNet}: its connection, its units' nonlinearity and, optionally, the pooling
 * applied to its activities before the next layer reads them:
 * <pre>
 *   a_l = W_l &#8859; x_{l-1} + c_l,   e_l = f_l(a_l),   x_l = pool_l(e_l)  (x_l = e_l without pooling)
 * </pre>
 *
 * @param connection dense or convolutional
 * @param activation f_l
 * @param pool the pooling after f_l, or {@code null} for none
 */
public record Layer(Connection connection, Activation activation, Pool pool) {
    /** @return the shape of what the next layer reads, x_l. */
    public Shape output() {
        return pool == null ? connection.out() : pool.out(connection.out());
    }

    /** @return whether the connection is a convolution. */
    public boolean convolutional() {
        return connection instanceof Conv;
    }
}
