/** Config files in (YAML/JSON) and result files out ({@code summary.json}, {@code tasks.csv}), staged atomically. */
package org.plasticity.io;
