package org.plasticity.sweep;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A validated sweep: which experiment, the sweep seed, the base config every point starts from, the swept fields
 * in order, and the expanded points.
 *
 * @param text the spec as the user wrote it (base inlined), so a remote worker can rebuild the same spec
 */
public record SweepSpec(String experiment, long seed, ObjectNode base, List<String> fields, List<SweepPoint> points,
                        String source, String text) {

    /** @return the point function of this spec's experiment. */
    public PointExperiment pointExperiment() {
        return PointExperiment.of(this);
    }
}
