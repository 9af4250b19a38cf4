package org.plasticity.recurrent.learning;

/**
 * A measured initial learning speed {@code v = (dm/dt) / epsilon}.
 *
 * @param speed         the estimate
 * @param standardError its standard error over trials (paired differences)
 * @param scale         the size of the change used: s of {@code dJ = s <F>/N} (quasi-static) or
 *                      {@code epsilon * window} (concurrent)
 */
public record SpeedMeasurement(double speed, double standardError, double scale) {}
