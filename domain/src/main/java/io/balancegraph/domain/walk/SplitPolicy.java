package io.balancegraph.domain.walk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decides how a walk's range is cut into chains. Every chain costs at least one read and ends with a part-full
 * page, so the aim is few chains, each holding several pages, and enough of them to keep the walk's reads busy.
 * A page is the only evidence of where the transactions are: the seconds it spans give the density near it.
 *
 * <ul>
 *   <li>The range starts as a few equal slices.</li>
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
 * </ul>
 */
final class SplitPolicy {

    private final int initialSlices;
    private final int pageSize;
    private final double minPages;
    private final double maxPages;
    private final boolean nearestFirst;

    /**
     * @param initialSlices how many equal slices the range starts as
     * @param pageSize      the walk's page size
     * @param minPages      the least a new chain is expected to hold, in pages
     * @param maxPages      the most a new chain is expected to hold, in pages
     * @param nearestFirst  whether to split the chain nearest the consumer (an ordered walk) or the largest (a fold)
     */
    SplitPolicy(int initialSlices, int pageSize, double minPages, double maxPages, boolean nearestFirst) {
        this.initialSlices = initialSlices;
        this.pageSize = pageSize;
        this.minPages = minPages;
        this.maxPages = maxPages;
        this.nearestFirst = nearestFirst;
    }

    /** The first chains: {@code [from, to)} in equal slices (no more than it has seconds), newest first. */
    List<Chain> initial(WalkRange range) {
        int slices = (int) Math.min(initialSlices, range.seconds());
        List<Chain> chains = new ArrayList<>(slices);
        for (int i = slices; i > 0; i--) {
            chains.add(Chain.of(range.from() + range.seconds() * (i - 1) / slices, range.from() + range.seconds() * i / slices));
        }
        return chains;
    }

    /**
     * The transactions per second a page of a chain shows: its transactions over the seconds it read through, from
     * the chain's previous top, or for a chain's first page from its newest transaction (what lies above that in a
     * fresh slice says nothing about where the transactions are). NaN for a page within one second: a crowded
     * second says nothing about its neighbours.
     */
    static double density(int items, long newest, long oldest, long topBefore, boolean first) {
        return newest == oldest ? Double.NaN : (double) items / ((first ? newest + 1 : topBefore) - oldest);
    }

    /**
     * The density to expect below a page: the lower of the page's and the one before. One page is weak evidence: a
     * page that ends in a crowded second would make its sparse neighbours look as crowded, and have them cut into
     * slices that are all empty; erring low costs a slice that is split again later.
     */
    static double expected(double previous, double page) {
        return Double.isNaN(previous) ? page : Double.isNaN(page) ? previous : Math.min(previous, page);
    }

    /**
     * The chain to split for a free place, or {@code null}: for a fold the one expected to hold the most pages, so no
     * chain is left to hold the walk back; for an ordered walk the nearest the consumer that holds more than a
     * chain should, so that what the consumer needs next is read in parallel.
     */
    Chain pick(List<Chain> chains) {
        Chain pick = null;
        for (Chain chain : chains) {
            double pages = chain.pagesLeft(pageSize);
            if (chain.done || !chain.ranged || !(pages >= 2 * minPages)) {
                continue;
            }
            if (nearestFirst && pages > maxPages) {
                pick = chain;
                break;
            }
            if (!nearestFirst && (pick == null || pages > pick.pagesLeft(pageSize))) {
                pick = chain;
            }
        }
        return pick == null || pick.cursor == null ? null : pick;
    }

    /**
     * Where to cut what is left of a chain, newest first, for {@link Chain#splitAt}: into chains expected to hold
     * the chain's pages shared out among itself and the new ones, within {@code [minPages, maxPages]}.
     *
     * @param newChains how many chains may be added
     */
    long[] cuts(Chain chain, int newChains) {
        if (newChains <= 0 || !(chain.density > 0) || chain.top - chain.from < 2) {
            return new long[0];
        }
        double pagesPerChain = Math.max(minPages, Math.min(maxPages, chain.pagesLeft(pageSize) / (newChains + 1)));
        long width = Math.max(1, (long) Math.ceil(pagesPerChain * pageSize / chain.density));
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
