package org.plasticity.app;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.plasticity.layered.credit.CreditRules;
import org.plasticity.layered.credit.RuleSetting;
import org.plasticity.layered.credit.RuleType;
import org.plasticity.layered.data.DataSetType;
import org.plasticity.layered.data.DataSets;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Completes {@code train} and {@code compare} from the registries: one option per rule setting ({@code --np-sigma};
 * a flag also as {@code --no-<name>}), and a help footer listing each rule and data set with its help line. A rule
 * added to {@link CreditRules} therefore appears here without an edit.
 */
final class RuleOptions implements CommandLine.IModelTransformer {

    /** A command whose options include {@link TrainingOptions}. */
    interface Layered {
        TrainingOptions training();
    }

    /** The rule names, from the registry, for picocli's help and shell completion. */
    static final class RuleNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return CreditRules.ids().iterator();
        }
    }

    @Override
    public CommandSpec transform(CommandSpec spec) {
        TrainingOptions t = ((Layered) spec.userObject()).training();
        for (RuleSetting s : CreditRules.settings()) {
            if (s.isFlag()) {
                spec.addOption(flag(t, s, s.option(), true, s.help()));
                spec.addOption(flag(t, s, "--no-" + s.option().substring(2), false, "Turns " + s.option()
                        + " off (default: " + (((Boolean) s.defaultValue()) ? "on" : "off") + ")."));
            } else {
                spec.addOption(OptionSpec.builder(s.option()).type(Double.class).paramLabel(s.label())
                        .description(s.help()).hasInitialValue(false)
                        .setter(new CommandLine.Model.ISetter() {
                            @Override
                            public <T> T set(T value) {
                                t.settings.put(s.key(), value);
                                return null;
                            }
                        }).build());
            }
        }
        List<String> footer = new ArrayList<>();
        footer.add("%nRules:");
        for (RuleType r : CreditRules.all()) {
            footer.add(String.format(Locale.ROOT, "  %-10s %s", r.id(), r.help()));
        }
        footer.add("%nData sets:");
        for (DataSetType d : DataSets.all()) {
            footer.add(String.format(Locale.ROOT, "  %-14s %s", d.id(), d.help()));
        }
        spec.usageMessage().footer(footer.toArray(String[]::new));
        return spec;
    }

    private static OptionSpec flag(TrainingOptions t, RuleSetting s, String name, boolean value, String help) {
        return OptionSpec.builder(name).type(boolean.class).arity("0").description(help).hasInitialValue(false)
                .setter(new CommandLine.Model.ISetter() {
                    @Override
                    public <T> T set(T ignored) {
                        t.settings.put(s.key(), value);
                        return null;
                    }
                }).build();
    }
}
