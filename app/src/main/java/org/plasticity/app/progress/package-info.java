/** Progress bars on stderr. */
package org.plasticity.app.progress;
