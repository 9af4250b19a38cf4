/**
 * Immutable, validated configuration records. Each compact constructor rejects a bad value with a one-line
 * {@link org.plasticity.ConfigException} naming the dotted key and the allowed range. No I/O here.
 */
package org.plasticity.recurrent.config;
