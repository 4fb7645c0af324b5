package io.balancegraph.graphql.limit;

import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableDefinition;
import io.balancegraph.graphql.ErrorCode;
import io.balancegraph.graphql.error.FieldErrors;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Counts what a parsed document asks for before graphql-java validates it, so that alias floods, huge duplicated
 * field lists, fragment "bombs" (fragments spreading others many times over) and directive floods are refused
 * cheaply. Fragments count wherever they are spread (memoised, so counting is linear in the document); a
 * fragment cycle counts once and is left to validation, which reports it.
 */
public final class DocumentLimits {

    /** Counts stop growing here, so no fragment bomb can overflow them. */
    private static final long CAP = 1L << 40;

    private final int maxAliases;
    private final int maxFields;
    private final int maxDirectives;

    DocumentLimits(int maxAliases, int maxFields, int maxDirectives) {
        this.maxAliases = maxAliases;
        this.maxFields = maxFields;
        this.maxDirectives = maxDirectives;
    }

    /** The first limit the document exceeds: its code and message, or empty when it is within them all. */
    Optional<FieldErrors.Coded> check(Document document) {
        Counts counts = count(document);
        if (counts.fields > maxFields) {
            return exceeded(ErrorCode.TOO_MANY_FIELDS, counts.fields, "fields", maxFields);
        }
        if (counts.aliases > maxAliases) {
            return exceeded(ErrorCode.TOO_MANY_ALIASES, counts.aliases, "aliases", maxAliases);
        }
        if (counts.directives > maxDirectives) {
            return exceeded(ErrorCode.TOO_MANY_DIRECTIVES, counts.directives, "directives", maxDirectives);
        }
        return Optional.empty();
    }

    private static Optional<FieldErrors.Coded> exceeded(ErrorCode code, long count, String what, int max) {
        String many = count >= CAP ? "more than " + CAP : Long.toString(count);
        return Optional.of(new FieldErrors.Coded(code, "The document has " + many + " " + what
                + " (counting fragments wherever they are spread); at most " + max + " are allowed")
                .with("limit", max));
    }

    static Counts count(Document document) {
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof FragmentDefinition fragment) {
                fragments.putIfAbsent(fragment.getName(), fragment);
            }
        }
        Counter counter = new Counter(fragments);
        Counts total = new Counts();
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof OperationDefinition operation) {
                total.directives += operation.getDirectives().size();
                for (VariableDefinition variable : operation.getVariableDefinitions()) {
                    total.directives += variable.getDirectives().size();
                }
                total.add(counter.selections(operation.getSelectionSet()));
            }
        }
        for (FragmentDefinition fragment : fragments.values()) {
            if (!counter.counted.containsKey(fragment.getName())) {
                total.add(counter.fragment(fragment.getName()));
            }
        }
        return total;
    }

    /** Fields, aliases and directives, saturating at {@link #CAP}. */
    static final class Counts {
        long fields;
        long aliases;
        long directives;

        void add(Counts other) {
            fields = saturated(fields, other.fields);
            aliases = saturated(aliases, other.aliases);
            directives = saturated(directives, other.directives);
        }

        /** Both are at most {@link #CAP}, so the sum cannot overflow before it is capped. */
        static long saturated(long total, long more) {
            return Math.min(CAP, total + more);
        }
    }

    private static final class Counter {
        private final Map<String, FragmentDefinition> fragments;
        private final Map<String, Counts> counted = new HashMap<>();
        private final Set<String> inProgress = new HashSet<>();

        Counter(Map<String, FragmentDefinition> fragments) {
            this.fragments = fragments;
        }

        Counts selections(SelectionSet selectionSet) {
            Counts counts = new Counts();
            if (selectionSet == null) {
                return counts;
            }
            for (Selection<?> selection : selectionSet.getSelections()) {
                if (selection instanceof Field field) {
                    counts.fields = Counts.saturated(counts.fields, 1);
                    counts.aliases = Counts.saturated(counts.aliases, field.getAlias() == null ? 0 : 1);
                    counts.directives = Counts.saturated(counts.directives, field.getDirectives().size());
                    counts.add(selections(field.getSelectionSet()));
                } else if (selection instanceof InlineFragment inline) {
                    counts.directives = Counts.saturated(counts.directives, inline.getDirectives().size());
                    counts.add(selections(inline.getSelectionSet()));
                } else if (selection instanceof FragmentSpread spread) {
                    counts.directives = Counts.saturated(counts.directives, spread.getDirectives().size());
                    counts.add(fragment(spread.getName()));
                }
            }
            return counts;
        }

        Counts fragment(String name) {
            Counts known = counted.get(name);
            if (known != null) {
                return known;
            }
            FragmentDefinition fragment = fragments.get(name);
            if (fragment == null || !inProgress.add(name)) {
                return new Counts();
            }
            Counts counts = selections(fragment.getSelectionSet());
            counts.directives = Counts.saturated(counts.directives, fragment.getDirectives().size());
            inProgress.remove(name);
            counted.put(name, counts);
            return counts;
        }
    }
}
