package org.plasticity.recurrent.task;

import java.util.List;
import org.plasticity.recurrent.config.TaskConfig;
import org.plasticity.recurrent.model.Memories;

/** Auto-associative memory: the pattern is both cue and target, eta = xi. */
public final class AutoAssociativeType implements TaskType {
    @Override
    public String name() {
        return "auto-associative";
    }

    @Override
    public String description() {
        return "the pattern is both cue and target, eta = xi";
    }

    @Override
    public List<List<IoMappingTask>> tasks(TaskConfig task, Memories alignTo, long seed) {
        return TaskFactory.gradedAutoAssociative(alignTo, task.count(), task.gamma(), seed).stream().map(List::of)
                .toList();
    }
}
