package org.plasticity.papers.kurikawa2025;

/**
 * A figure's judgement of its claim, computed from its numbers.
 *
 * @param reproduced whether the claim holds by the figure's rule
 * @param detail     one line saying why, with the numbers
 */
public record Verdict(boolean reproduced, String detail) {}
