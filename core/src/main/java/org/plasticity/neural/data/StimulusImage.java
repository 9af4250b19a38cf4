package org.plasticity.neural.data;

/**
 * One image, decoded: {@code width x height} pixels, packed {@code 0xRRGGBB} row-major (top row first).
 *
 * @param name the image's file name, for messages and ordering
 */
public record StimulusImage(String name, int width, int height, int[] rgb) {}
