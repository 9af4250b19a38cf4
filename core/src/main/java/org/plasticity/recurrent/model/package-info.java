/**
 * The rate-network model: embedded memories and the coupling matrix (notes section 4 of the fluctuation-learning
 * reconstruction). Imports {@code config} and {@code numeric}.
 */
package org.plasticity.recurrent.model;
