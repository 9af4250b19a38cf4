package org.plasticity.recurrent.task;

import java.util.List;
import org.plasticity.recurrent.config.TaskConfig;
import org.plasticity.recurrent.model.Memories;

/** Input/output mapping: learn target xi while the input gamma eta is on, xi and eta graded independently. */
public final class IoMappingType implements TaskType {
    @Override
    public String name() {
        return "io-mapping";
    }

    @Override
    public String description() {
        return "learn target xi while input gamma eta is on";
    }

    @Override
    public List<List<IoMappingTask>> tasks(TaskConfig task, Memories alignTo, long seed) {
        return TaskFactory.gradedIoMapping(alignTo, task.count(), task.gamma(), seed).stream().map(List::of).toList();
    }
}
