package io.balancegraph.domain.walk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Decides how a walk's range is cut into chains. Every chain costs at least one read and ends with a part-full
 * page, so the aim is few chains, each holding several pages, and enough of them to keep the walk's reads busy.
 * A page is the only evidence of where the transactions are: the seconds it spans give the density near it.
 *
 * <ul>
 *   <li>The range starts as a few equal slices; with a second from which the range is expected to be sparse, all
 *       but one of them before it, and one for the rest.</li>
 *   <li>Whenever fewer chains are open than the walk allows, one chain is picked (the one expected to hold the
 *       most, or for an ordered walk the nearest the consumer that holds more than a chain should) and what is
 *       left of it is cut into chains sized by its density: each expected to hold the chain's pages shared out among
 *       the parts, no fewer than {@code minPages} (a smaller chain is not worth the read that closes it) and no more
 *       than {@code maxPages}. Density is known only near the pages read, so the cap keeps the walk from betting far
 *       beyond them: when a cluster of transactions ends, only the last, widest part is left with an empty or thin
 *       remainder, instead of many empty slices.</li>
 *   <li>No chain is split while the one most in need has read nothing yet (it would be cut on a guess), and a
 *       page within one second updates no density: hundreds of transactions in one second say nothing about the
 *       seconds around it.</li>
 *   <li>A fold sends its reads longest first ({@link #longestFirst}) and halves a {@link #laggard}: its time is that
 *       of its slowest chain.</li>
 * </ul>
 */
final class SplitPolicy {

    private final int initialSlices;
    private final int pageSize;
    private final int minPages;
    private final int maxPages;
    private final boolean nearestFirst;
    private final Long sparseFrom;
    private final int laggardPages;

    /**
     * @param initialSlices how many equal slices the range starts as
     * @param pageSize      the walk's page size
     * @param minPages      the least a new chain is expected to hold, in pages
     * @param maxPages      the most a new chain is expected to hold, in pages
     * @param nearestFirst  whether to split the chain nearest the consumer (an ordered walk) or the largest (a fold)
     * @param sparseFrom    the Unix second from which few transactions are expected, or {@code null}
     * @param laggardPages  how many pages more than the others' mean make a fold's chain a {@link #laggard}
     */
    SplitPolicy(int initialSlices, int pageSize, int minPages, int maxPages, boolean nearestFirst, Long sparseFrom,
                int laggardPages) {
        this.initialSlices = initialSlices;
        this.pageSize = pageSize;
        this.minPages = minPages;
        this.maxPages = maxPages;
        this.nearestFirst = nearestFirst;
        this.sparseFrom = sparseFrom;
        this.laggardPages = laggardPages;
    }

    /**
     * The first chains, newest first: {@code [from, to)} in equal slices (no more than it has seconds); or, with a
     * sparse second inside the range and more than one slice, one chain from it to the end and the other slices
     * evenly before it.
     */
    List<Chain> initial(WalkRange range) {
        if (sparseFrom != null && initialSlices > 1 && sparseFrom > range.from() && sparseFrom < range.to()) {
            List<Chain> chains = new ArrayList<>(initialSlices);
            chains.add(Chain.of(sparseFrom, range.to()));
            chains.addAll(even(new WalkRange(range.from(), sparseFrom), initialSlices - 1));
            return chains;
        }
        return even(range, initialSlices);
    }

    private static List<Chain> even(WalkRange range, int count) {
        int slices = (int) Math.min(count, range.seconds());
        List<Chain> chains = new ArrayList<>(slices);
        for (int i = slices; i > 0; i--) {
            chains.add(Chain.of(range.from() + range.seconds() * (i - 1) / slices, range.from() + range.seconds() * i / slices));
        }
        return chains;
    }

    /**
     * The transactions per second a page of a chain shows: its transactions over the seconds it read through, from
     * the chain's previous top, or for a chain's first page from its newest transaction (what lies above that in a
     * fresh slice says nothing about where the transactions are). {@code null} for a page within one second: a
     * crowded second says nothing about its neighbours.
     */
    static Density density(int items, long newest, long oldest, long topBefore, boolean first) {
        return newest == oldest ? null : new Density(items, (first ? newest + 1 : topBefore) - oldest);
    }

    /**
     * The density to expect below a page: the lower of the page's and the one before. One page is weak evidence: a
     * page that ends in a crowded second would make its sparse neighbours look as crowded, and have them cut into
     * slices that are all empty; erring low costs a slice that is split again later. {@code null} while both are
     * unknown.
     */
    static Density expected(Density previous, Density page) {
        return previous == null ? page : page == null || previous.isBelow(page) ? previous : page;
    }

    /**
     * The chain to split for a free place, or {@code null}: for a fold the one expected to hold the most pages, so no
     * chain is left to hold the walk back; for an ordered walk the nearest the consumer that holds more than a
     * chain should, so that what the consumer needs next is read in parallel. Sizes are counted in whole
     * transactions expected, a page being {@code pageSize} of them.
     */
    Chain pick(List<Chain> chains) {
        long enoughToSplit = 2L * minPages * pageSize;
        long moreThanOneChain = (long) maxPages * pageSize;
        Chain pick = null;
        for (Chain chain : chains) {
            if (chain.done || !chain.ranged || chain.density == null) {
                continue;
            }
            long expected = chain.expectedLeft();
            if (expected < enoughToSplit) {
                continue;
            }
            if (nearestFirst && expected > moreThanOneChain) {
                pick = chain;
                break;
            }
            if (!nearestFirst && (pick == null || expected > pick.expectedLeft())) {
                pick = chain;
            }
        }
        return pick == null || pick.cursor == null ? null : pick;
    }

    /**
     * Whether a fold's chain holds clearly more than the others: at least {@code laggardPages} pages more than their
     * mean, and enough for two chains. Chains read side by side at about the same pace, so such a chain would end last
     * and alone; {@link WalkRun} asks this of the part split off below a crowded second, which starts late.
     */
    boolean laggard(Chain chain, List<Chain> chains) {
        if (nearestFirst || chain.density == null) {
            return false;
        }
        long others = 0;
        int known = 0;
        for (Chain other : chains) {
            if (other != chain && !other.done && other.ranged && other.density != null) {
                others += other.expectedLeft();
                known++;
            }
        }
        if (known == 0) {
            return false;
        }
        long enough = Math.max(others / known + (long) laggardPages * pageSize, 2L * minPages * pageSize);
        return chain.expectedLeft() >= enough;
    }

    /**
     * The order in which a fold's chains send their reads when not all may: the one expected to hold the most first,
     * and before all of them the chains whose size is not known (not read yet, or inside a crowded second, which may
     * hold many more pages). The walk ends with its slowest chain; reads that wait for a place are best spent on it.
     */
    List<Chain> longestFirst(List<Chain> chains) {
        List<Chain> sorted = new ArrayList<>(chains);
        sorted.sort(Comparator.comparingLong(SplitPolicy::expectedOrUnknown).reversed());
        return sorted;
    }

    private static long expectedOrUnknown(Chain chain) {
        return chain.done || !chain.ranged ? 0 : chain.density == null || chain.crowded() ? Long.MAX_VALUE : chain.expectedLeft();
    }

    /**
     * Where to cut what is left of a chain, newest first, for {@link Chain#splitAt}: into chains expected to hold
     * the chain's pages shared out among itself and the new ones, within {@code [minPages, maxPages]}.
     *
     * @param newChains how many chains may be added
     */
    long[] cuts(Chain chain, int newChains) {
        boolean noEvidence = chain.density == null || chain.density.transactions() == 0;
        if (newChains <= 0 || noEvidence || chain.top - chain.from < 2) {
            return new long[0];
        }
        long perChain = Math.max((long) minPages * pageSize,
                Math.min((long) maxPages * pageSize, chain.expectedLeft() / (newChains + 1)));
        long width = chain.density.secondsFor(perChain);
        if (width >= chain.top - chain.from) {
            return new long[0];
        }
        long[] cuts = new long[newChains];
        int count = 0;
        for (long cut = chain.top - width; cut > chain.from && count < newChains; cut -= width) {
            cuts[count++] = cut;
        }
        return Arrays.copyOf(cuts, count);
    }
}
