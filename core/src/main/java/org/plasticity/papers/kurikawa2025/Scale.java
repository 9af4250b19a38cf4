package org.plasticity.papers.kurikawa2025;

/** How big a reproduction runs: {@code smoke} for tests, {@code default} for minutes on 2 cores, {@code full}. */
public enum Scale { SMOKE, DEFAULT, FULL }
