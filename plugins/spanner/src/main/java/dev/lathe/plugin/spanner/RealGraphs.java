package dev.lathe.plugin.spanner;

import dev.lathe.api.graph.Graph;
import dev.lathe.api.graph.StronglyConnectedComponents;
import dev.lathe.api.graph.io.MatrixMarket;
import dev.lathe.api.graph.io.Metis;
import dev.lathe.api.graph.io.OsmRoads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real graphs of the reproduction, read from a folder (by default {@code graphs} in Lathe's
 * data directory, where {@code benchmarks/fetch-graph-data.sh} puts them) with framework-api's
 * readers, each reduced to its largest strongly connected component: the OpenStreetMap road
 * network of Liechtenstein (2013-08-03, lengths in metres), the web graph {@code NotreDame_www}
 * of the SuiteSparse collection (unit weights) and METIS's {@code 4elt} mesh (each undirected
 * edge two arcs of weight 1).
 */
final class RealGraphs {

  /** A real graph with its name. */
  record Named(String name, Graph graph) {}

  /** The files looked for, in the order they are read. */
  static final List<String> FILES = List.of("liechtenstein-2013-08-03.osm.pbf",
      "NotreDame_www.mtx", "4elt.graph");

  /** The road network as OpenStreetMap XML, read when the PBF reader's library is absent. */
  static final List<String> ROAD_XML = List.of("liechtenstein-2013-08-03.osm.gz",
      "liechtenstein-2013-08-03.osm");

  private RealGraphs() {}

  /** The graphs whose files are present in {@code folder}; {@code missing} receives the rest. */
  static List<Named> read(Path folder, List<String> missing) throws IOException {
    List<Named> graphs = new ArrayList<>();
    for (String file : FILES) {
      Path path = folder.resolve(file);
      if (!Files.isRegularFile(path)) {
        missing.add(file);
        continue;
      }
      switch (file) {
        case "NotreDame_www.mtx" -> graphs.add(new Named("NotreDame_www",
            largestComponent(Graph.fromAdjacencyMatrix(MatrixMarket.read(path)))));
        case "4elt.graph" -> graphs.add(new Named("4elt",
            largestComponent(Metis.read(path).graph())));
        default -> {
          OsmRoads roads = OsmRoads.reader().largestStronglyConnectedComponent(true);
          try {
            graphs.add(new Named("liechtenstein-roads", roads.read(path).graph()));
          } catch (IllegalStateException noLibrary) {
            Path xml = ROAD_XML.stream().map(folder::resolve).filter(Files::isRegularFile)
                .findFirst().orElse(null);
            if (xml == null) {
              missing.add(file + " (" + noLibrary.getMessage() + "; or decompress its .osm.bz2"
                  + " twin to " + ROAD_XML.get(0) + ")");
            } else {
              graphs.add(new Named("liechtenstein-roads", roads.read(xml).graph()));
            }
          }
        }
      }
    }
    return graphs;
  }

  static Graph largestComponent(Graph g) {
    StronglyConnectedComponents scc = StronglyConnectedComponents.of(g);
    return scc.count() <= 1 ? g : g.inducedSubgraph(scc.vertices(scc.largest()));
  }
}
