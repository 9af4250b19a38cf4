/**
 * Tasks to learn: input/output mapping with graded alignment to stored memories (notes 5 and 7.6). Imports
 * {@code model} and {@code numeric}.
 */
package org.plasticity.recurrent.task;
