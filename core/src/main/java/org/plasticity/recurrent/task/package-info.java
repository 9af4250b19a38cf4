/**
 * Tasks to learn: input/output mapping with graded alignment to stored memories (docs/model.md#tasks). Imports
 * {@code model} and {@code numeric}.
 */
package org.plasticity.recurrent.task;
