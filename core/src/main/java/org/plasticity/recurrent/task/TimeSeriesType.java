package org.plasticity.recurrent.task;

import java.util.List;
import org.plasticity.recurrent.config.TaskConfig;
import org.plasticity.recurrent.model.Memories;

/**
 * Time-series generation: a cyclic sequence xi^1 -&gt; xi^2 -&gt; ... -&gt; xi^1 of {@code sequence_length}
 * elements, each cueing the next; its transitions are learned together.
 */
public final class TimeSeriesType implements TaskType {
    @Override
    public String name() {
        return "time-series";
    }

    @Override
    public String description() {
        return "generate a cyclic sequence, each element cueing the next";
    }

    @Override
    public int transitions(TaskConfig task) {
        return task.sequenceLength();
    }

    @Override
    public List<List<IoMappingTask>> tasks(TaskConfig task, Memories alignTo, long seed) {
        return TaskFactory.gradedSequences(alignTo, task.count(), task.sequenceLength(), task.gamma(), seed);
    }
}
