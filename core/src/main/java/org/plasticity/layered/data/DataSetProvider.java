package org.plasticity.layered.data;

/**
 * A data set from outside the built-in list: a class with a public no-argument constructor, named in
 * {@code META-INF/services/org.plasticity.layered.data.DataSetProvider} on the class path, joins {@link DataSets}
 * after the built-in sets (see docs/extending.md).
 */
public interface DataSetProvider {
    /** @return the set's registry entry. */
    DataSetType type();
}
