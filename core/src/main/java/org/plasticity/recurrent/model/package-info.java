/**
 * The rate-network model: embedded memories and the coupling matrix (docs/model.md#network; the fluctuation-learning
 * reconstruction). Imports {@code config} and {@code numeric}.
 */
package org.plasticity.recurrent.model;
