/** Comparison statistics: correlation, log-log slope and fit slope of predictions against measurements. */
package org.plasticity.analysis;
