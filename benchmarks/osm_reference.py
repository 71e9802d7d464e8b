#!/usr/bin/python3
"""An independent count of an OpenStreetMap road network, to check Lathe's reader.

Usage: /usr/bin/python3 osm_reference.py FILE.osm[.bz2|.gz]
Applies the rules of Lathe's OsmRoads (docs/graphs.md) with its default road types and length
weights, written again from the documentation with Python's XML parser, and prints one JSON
object: road ways, vertices, edges, segments without their nodes, the total edge length in
metres, and the vertices and edges of the largest strongly connected component (SciPy).
"""
import bz2
import gzip
import json
import math
import sys
import xml.etree.ElementTree as ElementTree

import numpy
import scipy.sparse
import scipy.sparse.csgraph

ROAD_TYPES = {"motorway", "motorway_link", "trunk", "trunk_link", "primary", "primary_link",
              "secondary", "secondary_link", "tertiary", "tertiary_link", "unclassified",
              "residential", "living_street", "service", "road"}
EARTH_RADIUS = 6371008.8


def haversine(a, b):
    phi1, phi2 = math.radians(a[0]), math.radians(b[0])
    h = (math.sin((phi2 - phi1) / 2) ** 2
         + math.cos(phi1) * math.cos(phi2) * math.sin(math.radians(b[1] - a[1]) / 2) ** 2)
    return 2 * EARTH_RADIUS * math.asin(min(1.0, math.sqrt(h)))


def directions(tags):
    implied = tags.get("junction") in ("roundabout", "circular") or tags.get("highway") == "motorway"
    value = tags.get("oneway", "").strip().lower()
    if value in ("yes", "true", "1"):
        return True, False
    if value in ("-1", "reverse"):
        return False, True
    if value in ("no", "false", "0"):
        return True, True
    return (True, False) if implied else (True, True)


def open_file(path):
    if path.endswith(".bz2"):
        return bz2.open(path, "rb")
    if path.endswith(".gz"):
        return gzip.open(path, "rb")
    return open(path, "rb")


def main():
    path = sys.argv[1]
    coordinates, roads = {}, []
    with open_file(path) as stream:
        for _, element in ElementTree.iterparse(stream):
            if element.tag == "node":
                coordinates[int(element.get("id"))] = (float(element.get("lat")),
                                                       float(element.get("lon")))
                element.clear()
            elif element.tag == "way":
                tags = {t.get("k"): t.get("v") for t in element.findall("tag")}
                refs = [int(nd.get("ref")) for nd in element.findall("nd")]
                if tags.get("highway") in ROAD_TYPES and tags.get("area") != "yes" and len(refs) >= 2:
                    roads.append((refs, directions(tags)))
                element.clear()
    vertices = sorted({r for refs, _ in roads for r in refs if r in coordinates})
    index = {node: i for i, node in enumerate(vertices)}
    tails, heads, lengths, missing = [], [], [], 0
    for refs, (forward, backward) in roads:
        for a, b in zip(refs, refs[1:]):
            if a not in coordinates or b not in coordinates:
                missing += 1
            elif a != b:
                length = haversine(coordinates[a], coordinates[b])
                if forward:
                    tails.append(index[a]); heads.append(index[b]); lengths.append(length)
                if backward:
                    tails.append(index[b]); heads.append(index[a]); lengths.append(length)
    n = len(vertices)
    adjacency = scipy.sparse.coo_matrix((numpy.ones(len(tails)), (tails, heads)), shape=(n, n))
    count, labels = scipy.sparse.csgraph.connected_components(adjacency, directed=True,
                                                              connection="strong")
    largest = numpy.bincount(labels).argmax() if n else -1
    in_largest = labels == largest
    scc_edges = int(sum(1 for t, h in zip(tails, heads) if in_largest[t] and in_largest[h]))
    print(json.dumps({
        "road_ways": len(roads),
        "vertices": n,
        "edges": len(tails),
        "missing_segments": missing,
        "length_m": math.fsum(lengths),
        "scc_vertices": int(in_largest.sum()),
        "scc_edges": scc_edges,
    }))


if __name__ == "__main__":
    main()
