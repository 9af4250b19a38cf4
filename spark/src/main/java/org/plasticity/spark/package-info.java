/**
 * The Spark runner of sweeps: the same spec, points and point functions as {@code plasticity sweep}, with each point
 * a Spark task. Submit {@code plasticity-spark.jar} with {@code --class org.plasticity.spark.SweepJob}.
 */
package org.plasticity.spark;
