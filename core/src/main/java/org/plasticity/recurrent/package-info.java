/**
 * The recurrent family: rate networks with embedded memories, their stochastic dynamics and spontaneous fluctuations,
 * Hebb-type learning rules, tasks, and the fluctuation-learning relation that predicts learning speed from the
 * fluctuations before learning (docs/model.md).
 *
 * <p>Data flows one way: {@code config -> model -> dynamics -> fluctuations -> (task, rule) -> flr / learning ->
 * experiment}. Nothing here uses the layered family.
 */
package org.plasticity.recurrent;
