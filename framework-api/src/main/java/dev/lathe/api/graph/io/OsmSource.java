package dev.lathe.api.graph.io;

import java.io.IOException;
import java.util.Map;

/** An OpenStreetMap file read in passes: one over its ways, one over its nodes. */
interface OsmSource {

  /** Receives each way. */
  interface WayVisitor {
    /**
     * One way.
     *
     * @param refs its node ids in order, owned by the visitor
     * @param tags its tags, valid only during the call
     */
    void way(long id, long[] refs, Map<String, String> tags);
  }

  /** Receives each node. */
  interface NodeVisitor {
    /** One node with its position in degrees. */
    void node(long id, double latitude, double longitude);
  }

  /** Passes every way of the file to {@code visitor}, in file order. */
  void readWays(WayVisitor visitor) throws IOException;

  /** Passes every node of the file to {@code visitor}, in file order. */
  void readNodes(NodeVisitor visitor) throws IOException;
}
