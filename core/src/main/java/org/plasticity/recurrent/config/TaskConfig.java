package org.plasticity.recurrent.config;

import static org.plasticity.ConfigException.require;


/**
 * The family of tasks to learn.
 *
 * <table>
 * <caption>Keys under {@code task}</caption>
 * <tr><th>key</th><th>meaning</th><th>default</th></tr>
 * <tr><td>type</td><td>{@code io-mapping}: learn target xi while input gamma eta is on;
 *   {@code auto-associative}: the pattern is both cue and target, eta = xi; {@code time-series}: generate a cyclic
 *   sequence xi^1 -&gt; xi^2 -&gt; ... -&gt; xi^1, each element cueing the next</td><td>io-mapping</td></tr>
 * <tr><td>gamma</td><td>input strength, &gt; 0</td><td>0.1</td></tr>
 * <tr><td>count</td><td>number of tasks, &gt;= 3</td><td>24</td></tr>
 * <tr><td>alignment</td><td>{@code graded}: alignment to the memories spread over [0, 1] (docs/model.md#graded-alignment);
 *   {@code random}: patterns independent of the memories</td><td>graded</td></tr>
 * <tr><td>sequence_length</td><td>time-series: elements K of the cycle, &gt;= 2</td><td>3</td></tr>
 * </table>
 */
public record TaskConfig(String type, double gamma, int count, Alignment alignment, int sequenceLength) {

    /** How task patterns relate to the embedded memories. */
    public enum Alignment { GRADED, RANDOM }

    public TaskConfig {
        // Which names exist is the task registry's business (recurrent.task.TaskTypes), checked where both meet.
        require(type != null, "task.type", "is required");
        require(gamma > 0 && Double.isFinite(gamma), "task.gamma", "must be a finite number > 0, got " + gamma);
        require(count >= 3, "task.count", "must be an integer >= 3 (correlations need three tasks), got " + count);
        require(alignment != null, "task.alignment", "must be graded or random");
        require(sequenceLength >= 2, "task.sequence_length", "must be an integer >= 2, got " + sequenceLength);
    }

    public static TaskConfig defaults() {
        return new TaskConfig("io-mapping", 0.1, 24, Alignment.GRADED, 3);
    }

    /** @return these tasks with type {@code type} (a name in the task registry). */
    public TaskConfig withType(String type) {
        return new TaskConfig(type, gamma, count, alignment, sequenceLength);
    }

    /** @return these tasks with input strength {@code gamma}. */
    public TaskConfig withGamma(double gamma) {
        return new TaskConfig(type, gamma, count, alignment, sequenceLength);
    }

    /** @return {@code count} tasks. */
    public TaskConfig withCount(int count) {
        return new TaskConfig(type, gamma, count, alignment, sequenceLength);
    }

    /** @return these tasks with {@code alignment} to the memories. */
    public TaskConfig withAlignment(Alignment alignment) {
        return new TaskConfig(type, gamma, count, alignment, sequenceLength);
    }

    /** @return these tasks with time-series cycles of {@code sequenceLength} elements. */
    public TaskConfig withSequenceLength(int sequenceLength) {
        return new TaskConfig(type, gamma, count, alignment, sequenceLength);
    }
}
