package org.plasticity.neural.data;

import org.plasticity.DataException;

/**
 * Recorded responses of neurons to stimuli, with repeats when the recording has them. Values are laid out
 * {@code [neuron][stimulus][repeat]}; NaN marks a repeat that was not recorded (stimuli may have different numbers of
 * repeats). Immutable.
 */
public final class Responses {
    private final String source;
    private final int neurons;
    private final int stimuli;
    private final int repeats;
    private final boolean hasRepeats;
    private final double[] values;

    private Responses(String source, int neurons, int stimuli, int repeats, boolean hasRepeats, double[] values) {
        this.source = source;
        this.neurons = neurons;
        this.stimuli = stimuli;
        this.repeats = repeats;
        this.hasRepeats = hasRepeats;
        this.values = values;
    }

    /**
     * Responses with repeats (a {@code neurons x stimuli x repeats} recording); a split-half ceiling can be computed.
     * Checks that every neuron has a finite value for every stimulus and is not constant, and that no value is
     * infinite.
     *
     * @param source the file, named in error messages
     * @param values {@code [neuron][stimulus][repeat]}, NaN for a missing repeat; kept, not copied
     */
    public static Responses of(String source, int neurons, int stimuli, int repeats, double[] values) {
        return checked(new Responses(source, neurons, stimuli, repeats, true, values));
    }

    /** Repeat-averaged responses, {@code [neuron][stimulus]}: no ceiling can be computed from them. */
    public static Responses averaged(String source, int neurons, int stimuli, double[] values) {
        return checked(new Responses(source, neurons, stimuli, 1, false, values));
    }

    private static Responses checked(Responses r) {
        if (r.neurons < 1 || r.stimuli < 1 || r.repeats < 1) {
            throw new DataException(r.source, "responses must have at least one neuron, stimulus and repeat, got "
                    + r.neurons + " x " + r.stimuli + " x " + r.repeats);
        }
        if ((long) r.neurons * r.stimuli * r.repeats != r.values.length) {
            throw new IllegalArgumentException(r.source + ": shape does not match the number of values");
        }
        for (int n = 0; n < r.neurons; n++) {
            double first = Double.NaN;
            boolean varies = false;
            int emptyStimulus = -1;
            for (int s = 0; s < r.stimuli; s++) {
                int valid = 0;
                for (int k = 0; k < r.repeats; k++) {
                    double v = r.value(n, s, k);
                    if (Double.isInfinite(v)) {
                        throw new DataException(r.source, "neuron " + n + ", stimulus " + s + ": infinite value");
                    }
                    if (!Double.isNaN(v)) {
                        valid++;
                        varies |= !Double.isNaN(first) && v != first;
                        first = Double.isNaN(first) ? v : first;
                    }
                }
                if (valid == 0 && emptyStimulus < 0) {
                    emptyStimulus = s;
                }
            }
            if (Double.isNaN(first)) {
                throw new DataException(r.source, "neuron " + n + " is all NaN");
            }
            if (emptyStimulus >= 0) {
                throw new DataException(r.source, "neuron " + n + " has no valid (non-NaN) response to stimulus "
                        + emptyStimulus);
            }
            if (!varies) {
                throw new DataException(r.source, "neuron " + n + " responds the same to every stimulus and repeat"
                        + " (a constant neuron cannot be predicted or correlated)");
            }
        }
        return r;
    }

    /** @return the file the responses came from. */
    public String source() {
        return source;
    }

    /** @return the number of neurons (or sites). */
    public int neurons() {
        return neurons;
    }

    /** @return the number of stimuli. */
    public int stimuli() {
        return stimuli;
    }

    /** @return repeat slots per stimulus (1 for averaged responses). */
    public int repeats() {
        return repeats;
    }

    /** @return whether the recording has repeats, so that a split-half ceiling can be computed. */
    public boolean hasRepeats() {
        return hasRepeats;
    }

    /** @return the response of {@code neuron} to {@code stimulus} on {@code repeat}; NaN when not recorded. */
    public double value(int neuron, int stimulus, int repeat) {
        return values[(neuron * stimuli + stimulus) * repeats + repeat];
    }

    /** @return {@code stimuli x neurons}, row-major: each the mean over the stimulus's recorded repeats. */
    public double[] means() {
        double[] m = new double[stimuli * neurons];
        for (int n = 0; n < neurons; n++) {
            for (int s = 0; s < stimuli; s++) {
                double sum = 0;
                int count = 0;
                for (int k = 0; k < repeats; k++) {
                    double v = value(n, s, k);
                    if (!Double.isNaN(v)) {
                        sum += v;
                        count++;
                    }
                }
                m[s * neurons + n] = sum / count;
            }
        }
        return m;
    }
}
