package org.plasticity.reproduce;

/** How big a reproduction runs: {@code smoke} for tests, {@code default} for minutes on 2 cores, {@code full}. */
public enum Scale { SMOKE, DEFAULT, FULL }
