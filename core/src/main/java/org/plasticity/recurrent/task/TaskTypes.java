package org.plasticity.recurrent.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.plasticity.ConfigException;

/**
 * The registry of task types by config name: adding one is a {@link TaskType} class plus one line here. The config
 * validation, the docs' list and the tests read the names from here.
 */
public final class TaskTypes {
    private static final Map<String, TaskType> TYPES = new LinkedHashMap<>();

    static {
        add(new IoMappingType());
        add(new AutoAssociativeType());
        add(new TimeSeriesType());
    }

    private TaskTypes() {}

    private static void add(TaskType t) {
        TYPES.put(t.name(), t);
    }

    /**
     * @return the task type called {@code name}
     * @throws ConfigException naming {@code task.type} when there is none
     */
    public static TaskType byName(String name) {
        TaskType t = name == null ? null : TYPES.get(name);
        if (t == null) {
            throw new ConfigException("task.type", "must be one of " + List.copyOf(TYPES.keySet()) + ", got "
                    + ConfigException.shown(name, 60));
        }
        return t;
    }

    /** @return the known type names, in registration order. */
    public static Set<String> names() {
        return TYPES.keySet();
    }
}
