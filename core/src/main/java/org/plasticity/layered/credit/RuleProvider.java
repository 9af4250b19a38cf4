package org.plasticity.layered.credit;

/**
 * A credit rule from outside the built-in list: a class with a public no-argument constructor, named in
 * {@code META-INF/services/org.plasticity.layered.credit.RuleProvider} on the class path, is found by
 * {@link java.util.ServiceLoader} and joins the registry after the built-in rules (see docs/extending.md).
 */
public interface RuleProvider {
    /** @return the rule's registry entry. */
    RuleType type();
}
