/**
 * The {@code plasticity} command line: one picocli class per subcommand, shared run options, and error handling
 * that prints one line and exits 2 for bad input.
 */
package org.plasticity.app;
