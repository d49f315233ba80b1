"""igraph side of bench/louvain.ts (Debian's python3-igraph, run with /usr/bin/python3).

Loads the binary edge list bench/louvain.ts wrote (int32 nodes, int32 edges, int32 sources,
int32 targets, float64 weights) with Graph(n, edges) and es['weight'], runs
community_multilevel (Blondel et al. 2008) at the given resolution, and computes with igraph's
own modularity the modularity of its partition and of each membership file given (int32 per node, -1 for a node without edges, given a community of its
own: it adds nothing to the modularity). Prints one JSON line. Not a test.

python-igraph 0.10.2's Graph.modularity(membership, weights, resolution) drops `resolution`
(it calls GraphBase.modularity(self, membership, weights)) and so always returns the value at
resolution 1; the C function takes it, so GraphBase.modularity is called directly here.

    /usr/bin/python3 bench/louvain_igraph.py GRAPH.bin RESOLUTION [MEMBERSHIP.bin ...]
"""
import json
import random
import resource
import sys
import time
from array import array

import igraph


def read_int32(f, count):
    a = array('i')
    a.fromfile(f, count)
    return a


def main():
    path, resolution = sys.argv[1], float(sys.argv[2])
    random.seed(1)  # python-igraph draws from Python's random module
    t = time.perf_counter()
    with open(path, 'rb') as f:
        nodes, m = read_int32(f, 2)
        source = read_int32(f, m)
        target = read_int32(f, m)
        weight = array('d')
        weight.fromfile(f, m)
    g = igraph.Graph(n=nodes, edges=list(zip(source, target)), directed=False)
    g.es['weight'] = weight.tolist()
    del source, target, weight
    load_ms = (time.perf_counter() - t) * 1000

    t = time.perf_counter()
    partition = g.community_multilevel(weights='weight', resolution=resolution)
    louvain_ms = (time.perf_counter() - t) * 1000
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024

    def modularity_of(membership):
        return igraph.GraphBase.modularity(g, membership, 'weight', resolution)

    modularity = modularity_of(partition.membership)
    others = []
    for file in sys.argv[3:]:
        with open(file, 'rb') as f:
            membership = read_int32(f, nodes).tolist()
        spare = max(membership) + 1
        for i, c in enumerate(membership):
            if c < 0:
                membership[i] = spare
                spare += 1
        others.append(modularity_of(membership))
    print(json.dumps({
        'version': igraph.__version__,
        'loadMs': load_ms,
        'louvainMs': louvain_ms,
        'peakRss': peak,
        'communities': len(partition),
        'modularity': modularity,
        'memberships': others,
    }))


if __name__ == '__main__':
    main()
