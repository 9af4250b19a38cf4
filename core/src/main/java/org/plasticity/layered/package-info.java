/**
 * The layered family: feed-forward networks, the data sets they learn, credit-assignment rules (backprop and its
 * biologically plausible alternatives) and minibatch training (docs/layered-rules.md).
 *
 * <p>Data flows one way: {@code network -> credit -> training}, with {@code data} read by training. Nothing here uses
 * the recurrent family.
 */
package org.plasticity.layered;
