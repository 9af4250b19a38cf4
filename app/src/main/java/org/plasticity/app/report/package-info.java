/** Figures rendered from result records (JFreeChart, headless PNG). */
package org.plasticity.app.report;
