/**
 * Plasticity core. Shared parts sit at the top: {@code numeric} (kernels with a fixed summation order) and
 * {@code stats}. The two families of models live side by side and never use each other:
 * {@link org.plasticity.recurrent} (rate networks and the fluctuation-learning relation) and
 * {@link org.plasticity.layered} (feed-forward networks and their learning rules). {@code papers} reproduces
 * published figures.
 *
 * <p>The core has no CLI, plotting or serialisation dependency; those live in the {@code sweep} and {@code app}
 * modules.
 */
package org.plasticity;
