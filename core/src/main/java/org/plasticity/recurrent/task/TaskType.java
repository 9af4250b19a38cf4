package org.plasticity.recurrent.task;

import java.util.List;
import org.plasticity.recurrent.config.TaskConfig;
import org.plasticity.recurrent.model.Memories;

/**
 * A kind of task the recurrent network learns, by its config name ({@code task.type}). A new kind is one class
 * implementing this plus one line in {@link TaskTypes}.
 */
public interface TaskType {
    /** @return the config name, e.g. {@code io-mapping}. */
    String name();

    /** @return one line for help texts and docs. */
    String description();

    /**
     * @return the transitions learned together in one task of this kind (1 unless a task is a sequence); sets the
     *     work per task and whether the concurrent speed measurement applies
     */
    default int transitions(TaskConfig task) {
        return 1;
    }

    /**
     * Draws the family of tasks, each as the list of its transitions.
     *
     * @param alignTo the memories the patterns are graded towards
     * @param seed    the stream every pattern is drawn from
     */
    List<List<IoMappingTask>> tasks(TaskConfig task, Memories alignTo, long seed);
}
