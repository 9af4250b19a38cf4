package org.plasticity.recurrent.experiment;

import org.plasticity.ConfigException;
import org.plasticity.recurrent.config.FlrConfig;
import org.plasticity.recurrent.config.SpeedConfig;
import org.plasticity.recurrent.config.TaskConfig;
import org.plasticity.recurrent.rule.LearningRules;
import org.plasticity.recurrent.task.TaskTypes;

/**
 * The checks of an flr config that need the registries: the rule and task names exist, and the task type allows the
 * speed method. The config records check their own values; this is the one place that checks names, so the config
 * reader and every experiment entry point report a bad name the same way.
 */
public final class FlrValidator {
    private FlrValidator() {}

    /**
     * @return {@code cfg}, when its names are known
     * @throws ConfigException naming the key at fault
     */
    public static FlrConfig validate(FlrConfig cfg) {
        validate(cfg.task(), cfg.rule(), cfg.speed());
        return cfg;
    }

    /**
     * The same checks on the parts, for a reader that reports them before assembling the whole config.
     *
     * @throws ConfigException naming {@code task.type}, {@code rule} or {@code speed.method}
     */
    public static void validate(TaskConfig task, String rule, SpeedConfig speed) {
        int transitions = TaskTypes.byName(task.type()).transitions(task);
        LearningRules.byName(rule);
        // The concurrent method follows one transition's overlap; a sequence has several.
        ConfigException.require(transitions == 1 || speed.method() == SpeedConfig.Method.QUASI_STATIC,
                "speed.method", task.type() + " tasks are measured quasi-statically only, got " + speed.method());
    }

    /** @return the transitions learned together in one task of {@code cfg}: 1 unless its tasks are sequences. */
    public static int transitions(FlrConfig cfg) {
        return TaskTypes.byName(cfg.task().type()).transitions(cfg.task());
    }
}
