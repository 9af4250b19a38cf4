/**
 * Layered (feed-forward) networks in single precision: the network and its forward pass, nonlinearities, losses,
 * initialisations, and the gradient-shaped buffers learning rules write.
 */
package org.plasticity.layered.network;
