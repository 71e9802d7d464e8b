package dev.lathe.core.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.configuration2.tree.ImmutableNode;
import org.junit.jupiter.api.Test;

/** How flat keys become trees and how a higher tree overrides a lower one. */
class IndexedOverrideCombinerTest {

  private final IndexedOverrideCombiner combiner = new IndexedOverrideCombiner();

  @Test
  void keysBuildTreesWhateverTheirOrder() {
    assertEquals("{evaluators=[{plugin=a}, {plugin=b, x=1}]}",
        show(tree("evaluators(1).plugin=b", "evaluators(1).x=1", "evaluators(0).plugin=a")));
  }

  @Test
  void sectionsMergeKeyByKey() {
    assertEquals("{budget=[{trials=5, time=1m}]}",
        show(combiner.combine(tree("budget.trials=5"), tree("budget.trials=9", "budget.time=1m"))));
  }

  @Test
  void indexedItemMergesIntoTheItemBelow() {
    ImmutableNode lower = tree("evaluators(0).plugin=a", "evaluators(1).plugin=b",
        "evaluators(1).x=1");
    assertEquals("{evaluators=[{plugin=a}, {plugin=b, x=2}]}",
        show(combiner.combine(tree("evaluators(1).x=2"), lower)));
  }

  @Test
  void keyWithoutIndexIntoAListOfSectionsAddressesTheFirstItem() {
    ImmutableNode lower = tree("evaluators(0).plugin=a", "evaluators(1).plugin=b");
    assertEquals("{evaluators=[{plugin=a, x=3}, {plugin=b}]}",
        show(combiner.combine(tree("evaluators.x=3"), lower)));
  }

  @Test
  void indexPastTheEndAppends() {
    ImmutableNode lower = tree("evaluators(0).plugin=a");
    assertEquals("{evaluators=[{plugin=a}, {plugin=c}]}",
        show(combiner.combine(tree("evaluators(4).plugin=c"), lower)));
  }

  @Test
  void placeholdersKeepTheirPositionThroughAnEmptyLayer() {
    ImmutableNode middle = combiner.combine(tree("evaluators(1).x=2"), tree("budget.trials=1"));
    ImmutableNode lower = tree("evaluators(0).plugin=a", "evaluators(1).plugin=b");
    assertEquals("{evaluators=[{plugin=a}, {plugin=b, x=2}], budget=[{trials=1}]}",
        show(combiner.combine(middle, lower)));
  }

  @Test
  void valueWithoutIndexReplacesListOrSection() {
    ImmutableNode lower = tree("constraints(0)=a <= 1", "constraints(1)=b <= 2",
        "space.plugin=ofa", "space.depths=2");
    assertEquals("{constraints=[c <= 3], space=[branin]}",
        show(combiner.combine(tree("constraints=c <= 3", "space=branin"), lower)));
  }

  @Test
  void indexedValueReplacesOneItem() {
    ImmutableNode lower = tree("constraints(0)=a <= 1", "constraints(1)=b <= 2");
    assertEquals("{constraints=[c <= 3, b <= 2]}",
        show(combiner.combine(tree("constraints(0)=c <= 3"), lower)));
  }

  @Test
  void refusesMalformedKeys() {
    KeyTree tree = new KeyTree();
    assertEquals("attribute keys ([@...]) are not supported",
        assertThrows(IllegalArgumentException.class, () -> tree.put("space[@id]", "x"))
            .getMessage());
    assertEquals("index -2 is negative",
        assertThrows(IllegalArgumentException.class, () -> tree.put("evaluators(-2).x", "1"))
            .getMessage());
    assertEquals("the key is empty",
        assertThrows(IllegalArgumentException.class, () -> tree.put("", "1")).getMessage());
  }

  private static ImmutableNode tree(String... assignments) {
    KeyTree tree = new KeyTree();
    for (String assignment : assignments) {
      int eq = assignment.indexOf('=');
      tree.put(assignment.substring(0, eq), assignment.substring(eq + 1));
    }
    return tree.build();
  }

  /** The tree as {@code {name=[item, …]}} with leaves shown by value. */
  private static String show(ImmutableNode node) {
    if (node.getChildren().isEmpty()) {
      return String.valueOf(node.getValue());
    }
    return node.getChildren().stream().map(ImmutableNode::getNodeName).distinct()
        .map(name -> name + "=" + (node.getNodeName() == null
            ? node.getChildren(name).stream().map(IndexedOverrideCombinerTest::show)
                .collect(Collectors.joining(", ", "[", "]"))
            : showAll(node.getChildren(name))))
        .collect(Collectors.joining(", ", "{", "}"));
  }

  private static String showAll(List<ImmutableNode> nodes) {
    return nodes.size() == 1 ? show(nodes.get(0))
        : nodes.stream().map(IndexedOverrideCombinerTest::show)
            .collect(Collectors.joining(", ", "[", "]"));
  }
}
